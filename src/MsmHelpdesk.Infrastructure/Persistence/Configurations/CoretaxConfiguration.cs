using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Calendar;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Common;

namespace MsmHelpdesk.Infrastructure.Persistence.Configurations;

public sealed class ClientSignerConfiguration : IEntityTypeConfiguration<ClientSigner>
{

    public void Configure(EntityTypeBuilder<ClientSigner> signer)
    {
        signer.HasKey(s => s.Id);
        signer.HasOne<Client>().WithMany().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Cascade);
        signer.HasIndex(s => s.ClientId);
        signer.Property(s => s.Name).HasMaxLength(FieldLimits.PersonNameMaxLength).IsRequired();
        signer.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
        signer.Property(s => s.StaffId).HasMaxLength(450);
        signer.Property(s => s.CoretaxRoles).HasMaxLength(Application.Features.Signers.SignerTexts.CoretaxRolesMaxLength);
        signer.OwnsMany(s => s.Credentials, credential =>
        {
            credential.ToTable("SignerCredentials");
            credential.WithOwner().HasForeignKey("SignerId");
            credential.HasKey(c => c.Id);
            credential.Property(c => c.Id).ValueGeneratedNever();
            credential.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            credential.Property(c => c.Provider).HasMaxLength(Application.Features.Signers.SignerTexts.ProviderMaxLength);
            credential.HasIndex(c => c.ExpiresOn);
        });
        signer.Navigation(s => s.Credentials).HasField("_credentials");
    }
}

public sealed class TaxDeadlineConfiguration : IEntityTypeConfiguration<TaxDeadline>
{
    public void Configure(EntityTypeBuilder<TaxDeadline> deadline)
    {
        deadline.HasKey(d => d.Id);
        deadline.Property(d => d.Name).HasMaxLength(TaxDeadline.NameMaxLength).IsRequired();
        deadline.Property(d => d.Filing).HasConversion<string>().HasMaxLength(20);
        deadline.Property(d => d.Source).HasMaxLength(TaxDeadline.SourceMaxLength);
        deadline.Property(d => d.UpdatedByName).HasMaxLength(FieldLimits.PersonNameMaxLength + 50);
        // The calendar of DOMAIN-2026 §4.1 as the starting data; fixed ids so the migration is stable.
        var seededAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        deadline.HasData(DefaultTaxCalendar.Entries.Select((entry, index) => new
        {
            Id = new Guid($"00000000-0000-0000-0000-0000000014{index:D2}"),
            entry.Name,
            entry.Filing,
            entry.Month,
            entry.Day,
            Source = (string?)entry.Source,
            UpdatedAt = seededAt,
            UpdatedByName = "DOMAIN-2026",
        }));
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.HasKey(e => e.Id);
        entry.Property(e => e.ActorId).HasMaxLength(450);
        entry.Property(e => e.ActorName).HasMaxLength(FieldLimits.PersonNameMaxLength + 50);
        entry.Property(e => e.Area).HasMaxLength(30).IsUnicode(false);
        entry.Property(e => e.Description).HasMaxLength(AuditEntry.DescriptionMaxLength);
        entry.HasIndex(e => new { e.Area, e.SubjectId, e.At });
    }
}
