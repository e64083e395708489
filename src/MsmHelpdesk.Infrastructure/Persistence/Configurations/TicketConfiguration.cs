using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.ApiKeys;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Infrastructure.Identity;

namespace MsmHelpdesk.Infrastructure.Persistence.Configurations;

public sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    private static Action<OwnedNavigationBuilder<Ticket, TicketDiagnosis>> Diagnosis(string prefix) => diagnosis =>
    {
        diagnosis.Property(d => d.Scenario).HasColumnName($"{prefix}Scenario").HasMaxLength(20).IsUnicode(false);
        diagnosis.Property(d => d.Cause).HasColumnName($"{prefix}Cause").HasMaxLength(30).IsUnicode(false);
        diagnosis.Property(d => d.ScenarioConfidence).HasColumnName($"{prefix}ScenarioConfidence");
        diagnosis.Property(d => d.CauseConfidence).HasColumnName($"{prefix}CauseConfidence");
        diagnosis.Property(d => d.Version).HasColumnName($"{prefix}Version").HasMaxLength(50).IsUnicode(false);
        diagnosis.Property(d => d.EvidenceJson).HasColumnName($"{prefix}Evidence");
        diagnosis.Property(d => d.At).HasColumnName($"{prefix}At");
    };

    public void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.HasKey(t => t.Id);
        ticket.Property(t => t.Number).HasMaxLength(20).IsUnicode(false).IsRequired();
        ticket.HasIndex(t => t.Number).IsUnique();
        ticket.HasOne<Client>().WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne<Contact>().WithMany().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.SetNull);
        ticket.HasOne<AppUser>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        ticket.Property(t => t.Channel).HasConversion<string>().HasMaxLength(20);
        ticket.Property(t => t.Priority).HasConversion<int>();
        ticket.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        ticket.Property(t => t.ErrorText).HasMaxLength(FieldLimits.ErrorTextMaxLength).IsRequired();
        ticket.Property(t => t.ErrorCode).HasMaxLength(32).IsUnicode(false);
        ticket.Property(t => t.Activity).HasMaxLength(FieldLimits.ActivityMaxLength);
        ticket.Property(t => t.SystemVersion).HasMaxLength(FieldLimits.SystemVersionMaxLength);
        ticket.Property(t => t.Description).HasMaxLength(FieldLimits.DescriptionMaxLength);
        ticket.Property(t => t.ResolutionSummary).HasMaxLength(FieldLimits.NoteMaxLength);
        ticket.Property(t => t.CreatedById).HasMaxLength(450);
        ticket.Property(t => t.AssigneeId).HasMaxLength(450);
        ticket.Property(t => t.Version).IsConcurrencyToken();

        // The work lists: open tickets newest first, mine, a client's, by error code. The trailing columns are the
        // reports' filters and counts (backlog, workload, top clients, error codes), so those read the index alone, and
        // every SLA column the list's SLA-state filters test (SlaQueries), so a queue filtered by SLA state ("breached")
        // pages and counts from the index without reading a table row per open ticket (decision 0175). The id last: a
        // page of an open queue merges the statuses' ids from the index alone and reads only its own rows (decision 0176).
        ticket.HasIndex(t => new
        {
            t.Status,
            t.ReportedAt,
            t.AssigneeId,
            t.ErrorCode,
            t.Channel,
            t.ClientId,
            t.SlaResolutionTargetMinutes,
            t.SlaFirstResponseMet,
            t.SlaResolutionMet,
            t.SlaFirstRespondedAt,
            t.SlaFirstResponseDueAt,
            t.SlaFirstResponseAtRiskAt,
            t.SlaResolutionDueAt,
            t.SlaResolutionAtRiskAt,
            t.SlaResolutionPausedAt,
            t.Id,
        }).HasDatabaseName("IX_Tickets_Status_ReportedAt");
        // The id last: a page of the unassigned queue (or one consultant's) merges each status's ids from this index
        // alone; without it SQLite walks the status index's entries of statuses that hold no unassigned ticket (0177).
        ticket.HasIndex(t => new { t.AssigneeId, t.Status, t.ReportedAt, t.Id }).HasDatabaseName("IX_Tickets_AssigneeId_Status_ReportedAt");
        ticket.HasIndex(t => new { t.ClientId, t.ReportedAt, t.Status }).HasDatabaseName("IX_Tickets_ClientId_ReportedAt");
        ticket.HasIndex(t => new { t.ErrorCode, t.ReportedAt, t.Status, t.Channel, t.ClientId, t.AssigneeId }).HasDatabaseName("IX_Tickets_ErrorCode_ReportedAt");
        ticket.HasIndex(t => t.ReportedAt);

        // The open queues' other orders and filters, read a page per status (ListTicketsHandler.Page): each status's
        // first tickets by priority, by number, or of one error code come in order from these, and a queue's capped
        // count of one priority or error code reads only the matching entries.
        ticket.HasIndex(t => new { t.Status, t.Priority, t.ReportedAt }).HasDatabaseName("IX_Tickets_Status_Priority");
        ticket.HasIndex(t => new { t.Status, t.Number }).HasDatabaseName("IX_Tickets_Status_Number");
        ticket.HasIndex(t => new { t.Status, t.ErrorCode, t.ReportedAt }).HasDatabaseName("IX_Tickets_Status_ErrorCode");

        ticket.OwnsOne(t => t.Suggested, Diagnosis("Suggested"));
        ticket.OwnsOne(t => t.Confirmed, Diagnosis("Confirmed"));
        ticket.Property(t => t.ConfirmedById).HasMaxLength(450);
        ticket.Property(t => t.DiagnosedScenario).HasMaxLength(20).IsUnicode(false);
        ticket.Property(t => t.DiagnosedCause).HasMaxLength(30).IsUnicode(false);
        ticket.HasIndex(t => t.ConfirmedAt);

        // Reports (Features/Reports): every section reads tickets reported in a range. This index holds every
        // column those queries group, filter or order by, so they read the index alone, never the table rows.
        ticket.HasIndex(t => new
        {
            t.ReportedAt,
            t.Status,
            t.ErrorCode,
            t.Channel,
            t.ClientId,
            t.AssigneeId,
            t.DiagnosedScenario,
            t.DiagnosedCause,
            t.ResolutionSeconds,
            t.DiagnosisSeconds,
        }).HasDatabaseName("IX_Tickets_Report");
        // The same for one consultant's tickets (the report's consultant filter): their range alone, not everyone's.
        ticket.HasIndex(t => new
        {
            t.AssigneeId,
            t.ReportedAt,
            t.Status,
            t.ErrorCode,
            t.Channel,
            t.ClientId,
            t.DiagnosedScenario,
            t.DiagnosedCause,
            t.ResolutionSeconds,
            t.DiagnosisSeconds,
        }).HasDatabaseName("IX_Tickets_AssigneeReport");
        ticket.HasIndex(t => new { t.ResolvedAt, t.AssigneeId, t.ResolutionSeconds, t.ErrorCode, t.Channel, t.ClientId }).HasDatabaseName("IX_Tickets_Resolved");

        ticket.HasMany(t => t.Timeline).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Restrict);
        ticket.Navigation(t => t.Timeline).HasField("_timeline");
        TicketSlaConfiguration.Configure(ticket);
        TicketDeskConfiguration.Configure(ticket);
    }
}

public sealed class CatalogueVersionConfiguration : IEntityTypeConfiguration<CatalogueVersion>
{
    public void Configure(EntityTypeBuilder<CatalogueVersion> version)
    {
        version.HasKey(v => v.Version);
        version.Property(v => v.Version).ValueGeneratedNever();
        version.Property(v => v.Content).IsRequired();
        version.Property(v => v.CreatedById).HasMaxLength(450).IsRequired();
        version.Property(v => v.CreatedByName).HasMaxLength(FieldLimits.PersonNameMaxLength + 50).IsRequired();
        version.Property(v => v.Note).HasMaxLength(FieldLimits.NoteMaxLength);
    }
}

public sealed class LearnedModelConfiguration : IEntityTypeConfiguration<LearnedModel>
{
    public void Configure(EntityTypeBuilder<LearnedModel> model)
    {
        model.HasKey(m => m.Version);
        model.Property(m => m.Version).ValueGeneratedNever();
        model.Property(m => m.Content).IsRequired();
    }
}

public sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> entry)
    {
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.ActorId).HasMaxLength(450).IsRequired();
        entry.Property(e => e.ActorName).HasMaxLength(FieldLimits.PersonNameMaxLength + 50).IsRequired();
        entry.Property(e => e.Text).HasMaxLength(FieldLimits.NoteMaxLength);
        entry.Property(e => e.Field).HasMaxLength(50);
        entry.Property(e => e.OldValue).HasMaxLength(FieldLimits.DescriptionMaxLength);
        entry.Property(e => e.NewValue).HasMaxLength(FieldLimits.DescriptionMaxLength);
        entry.HasIndex(e => new { e.TicketId, e.Id });
    }
}

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.HasKey(a => a.Id);
        attachment.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Restrict);
        attachment.Property(a => a.FileName).HasMaxLength(FieldLimits.FileNameMaxLength).IsRequired();
        attachment.Property(a => a.ContentType).HasMaxLength(100).IsUnicode(false).IsRequired();
        attachment.Property(a => a.StorageKey).HasMaxLength(200).IsUnicode(false).IsRequired();
        attachment.Property(a => a.Sha256).HasMaxLength(64).IsUnicode(false).IsRequired();
        attachment.Property(a => a.UploadedById).HasMaxLength(450).IsRequired();
        attachment.HasIndex(a => a.TicketId);
    }
}

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.HasKey(k => k.Id);
        key.Property(k => k.Name).HasMaxLength(FieldLimits.ApiKeyNameMaxLength).IsRequired();
        key.Property(k => k.Role).HasMaxLength(20).IsRequired();
        key.Property(k => k.Prefix).HasMaxLength(16).IsUnicode(false).IsRequired();
        key.Property(k => k.Hash).HasMaxLength(64).IsUnicode(false).IsRequired();
        key.Property(k => k.CreatedBy).HasMaxLength(450).IsRequired();
        key.HasIndex(k => k.Prefix).IsUnique();
        key.Ignore(k => k.IsActive);
    }
}

public sealed class TicketSequenceConfiguration : IEntityTypeConfiguration<TicketSequence>
{
    public void Configure(EntityTypeBuilder<TicketSequence> sequence)
    {
        sequence.HasKey(s => s.Year);
        sequence.Property(s => s.Year).ValueGeneratedNever();
    }
}
