using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Replies;

namespace MsmHelpdesk.Infrastructure.Persistence.Configurations;

public sealed class CannedReplyConfiguration : IEntityTypeConfiguration<CannedReply>
{
    public void Configure(EntityTypeBuilder<CannedReply> reply)
    {
        reply.HasKey(r => r.Id);
        reply.Property(r => r.Id).ValueGeneratedNever();
        reply.Property(r => r.Name).HasMaxLength(CannedReply.NameMaxLength).IsRequired();
        reply.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20).IsUnicode(false);
        reply.Property(r => r.TextIndonesian).HasMaxLength(CannedReply.TextMaxLength).IsRequired();
        reply.Property(r => r.TextEnglish).HasMaxLength(CannedReply.TextMaxLength);
        reply.Property(r => r.UpdatedByName).HasMaxLength(FieldLimits.PersonNameMaxLength + 50).IsRequired();
        reply.Property(r => r.Version).IsConcurrencyToken();
        reply.HasIndex(r => new { r.Channel, r.Name }).IsUnique();
    }
}

public sealed class CannedReplyChangeConfiguration : IEntityTypeConfiguration<CannedReplyChange>
{
    public void Configure(EntityTypeBuilder<CannedReplyChange> change)
    {
        change.HasKey(c => c.Id);
        change.Property(c => c.ActorId).HasMaxLength(450).IsRequired();
        change.Property(c => c.ActorName).HasMaxLength(FieldLimits.PersonNameMaxLength + 50).IsRequired();
        change.Property(c => c.Description).HasMaxLength(FieldLimits.NoteMaxLength).IsRequired();
        change.HasIndex(c => c.At);
    }
}
