using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Notifications;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Infrastructure.Identity;

namespace MsmHelpdesk.Infrastructure.Persistence.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.HasKey(n => n.Id);
        notification.Property(n => n.UserId).HasMaxLength(450).IsRequired();
        notification.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        notification.Property(n => n.Kind).HasMaxLength(50).IsUnicode(false).IsRequired();
        notification.Property(n => n.Key).HasMaxLength(200).IsRequired();
        notification.Property(n => n.Title).HasMaxLength(200).IsRequired();
        notification.Property(n => n.Body).HasMaxLength(2000).IsRequired();
        notification.Property(n => n.Link).HasMaxLength(300);
        notification.Property(n => n.MailState).HasConversion<string>().HasMaxLength(10);
        notification.Property(n => n.MailLastError).HasMaxLength(1000);

        // A key is said once per user: the database, not the caller, makes repeats harmless.
        notification.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
        // The bell's list (newest first) and its unread count.
        notification.HasIndex(n => new { n.UserId, n.CreatedAt });
        notification.HasIndex(n => new { n.UserId, n.ReadAt });
        // The mail-delivery job's queue.
        notification.HasIndex(n => new { n.MailState, n.MailNextAttemptAt });
    }
}

public sealed class CertificateReminderConfiguration : IEntityTypeConfiguration<CertificateReminder>
{
    public void Configure(EntityTypeBuilder<CertificateReminder> reminder)
    {
        reminder.HasKey(r => r.Id);
        reminder.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Cascade);
        reminder.HasOne<Ticket>().WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Restrict);
        reminder.Property(r => r.Credential).HasConversion<string>().HasMaxLength(10);
        reminder.HasIndex(r => new { r.ClientId, r.Credential, r.SignerCredentialId, r.ExpiresOn, r.ThresholdDays }).IsUnique();
    }
}
