using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Infrastructure.Persistence.Configurations;

public sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> holiday)
    {
        holiday.HasKey(h => h.Id);
        holiday.HasIndex(h => h.Date).IsUnique();
        holiday.Property(h => h.Name).HasMaxLength(FieldLimits.HolidayNameMaxLength).IsRequired();
        holiday.Property(h => h.UpdatedByName).HasMaxLength(FieldLimits.PersonNameMaxLength + 50).IsRequired();
    }
}

public sealed class WorkingHoursConfiguration : IEntityTypeConfiguration<WorkingHours>
{
    public void Configure(EntityTypeBuilder<WorkingHours> hours)
    {
        hours.HasKey(h => h.Id);
        hours.Property(h => h.Id).ValueGeneratedNever();
        hours.Property(h => h.UpdatedByName).HasMaxLength(FieldLimits.PersonNameMaxLength + 50).IsRequired();
        hours.Ignore(h => h.WorkingDays);
    }
}

public sealed class FirmProfileConfiguration : IEntityTypeConfiguration<Domain.Common.FirmProfile>
{
    public void Configure(EntityTypeBuilder<Domain.Common.FirmProfile> firm)
    {
        firm.HasKey(f => f.Id);
        firm.Property(f => f.Id).ValueGeneratedNever();
        firm.Property(f => f.Name).HasMaxLength(Domain.Common.FirmProfile.NameMaxLength).IsRequired();
        firm.Property(f => f.ShortName).HasMaxLength(Domain.Common.FirmProfile.ShortNameMaxLength).IsRequired();
        firm.Property(f => f.UpdatedByName).HasMaxLength(FieldLimits.PersonNameMaxLength + 50).IsRequired();
    }
}

public sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> policy)
    {
        policy.HasKey(p => p.Priority);
        policy.Property(p => p.Priority).HasConversion<int>().ValueGeneratedNever();
        policy.Property(p => p.UpdatedById).HasMaxLength(450).IsRequired();
        policy.Property(p => p.UpdatedByName).HasMaxLength(FieldLimits.PersonNameMaxLength + 50).IsRequired();
        policy.Ignore(p => p.Target);
    }
}

public sealed class SlaSettingsChangeConfiguration : IEntityTypeConfiguration<SlaSettingsChange>
{
    public void Configure(EntityTypeBuilder<SlaSettingsChange> change)
    {
        change.HasKey(c => c.Id);
        change.Property(c => c.ActorId).HasMaxLength(450).IsRequired();
        change.Property(c => c.ActorName).HasMaxLength(FieldLimits.PersonNameMaxLength + 50).IsRequired();
        change.Property(c => c.Description).HasMaxLength(FieldLimits.NoteMaxLength).IsRequired();
        change.HasIndex(c => c.At);
    }
}

public sealed class SlaEscalationConfiguration : IEntityTypeConfiguration<SlaEscalation>
{
    public void Configure(EntityTypeBuilder<SlaEscalation> escalation)
    {
        escalation.HasKey(e => e.Id);
        escalation.HasOne<Ticket>().WithMany().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Restrict);
        escalation.Property(e => e.Clock).HasConversion<string>().HasMaxLength(20);
        escalation.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        escalation.HasIndex(e => new { e.TicketId, e.Clock, e.State }).IsUnique();
    }
}

/// <summary>The SLA columns of tickets: the list filter and the escalation job read the instants in SQL.</summary>
internal static class TicketSlaConfiguration
{
    public static void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.Ignore(t => t.Sla);
        // The list filter, the escalation job and the report's overdue counts read status and due instant; the
        // report's filters (consultant, error code, channel, client) are in the index too, so a filtered count
        // never reads table rows.
        ticket.HasIndex(t => new { t.Status, t.SlaResolutionDueAt, t.AssigneeId, t.ErrorCode, t.Channel, t.ClientId }).HasDatabaseName("IX_Tickets_SlaResolutionDue");
        // No (Status, SlaFirstResponseDueAt) index: no statement used it at 10k or 1M tickets (decision record 0206). The
        // first-response counts and the job find the unanswered tickets by SlaFirstRespondedAt IS NULL (the index below),
        // which holds only the tickets still New; every index costs each created ticket a page written at commit.
        // Outcomes per month (reports, SlaComplianceSection): a range of the instant, met or not, from the index alone.
        ticket.HasIndex(t => new { t.SlaResolvedAt, t.SlaResolutionMet, t.AssigneeId, t.ErrorCode, t.Channel, t.ClientId }).HasDatabaseName("IX_Tickets_SlaResolved");
        ticket.HasIndex(t => new { t.SlaFirstRespondedAt, t.SlaFirstResponseMet, t.AssigneeId, t.ErrorCode, t.Channel, t.ClientId }).HasDatabaseName("IX_Tickets_SlaFirstResponded");
    }
}
