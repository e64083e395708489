using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Infrastructure.Identity;

namespace MsmHelpdesk.Infrastructure.Persistence.Configurations;

public sealed class TicketStepConfiguration : IEntityTypeConfiguration<TicketStep>
{
    public void Configure(EntityTypeBuilder<TicketStep> step)
    {
        step.ToTable("TicketSteps");
        step.HasKey(s => s.Id);
        step.Property(s => s.Id).ValueGeneratedNever();
        step.HasOne<Ticket>().WithMany(t => t.Steps).HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
        step.HasOne<AppUser>().WithMany().HasForeignKey(s => s.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        step.Property(s => s.Title).HasMaxLength(TicketStep.TitleMaxLength).IsRequired();
        step.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        step.Property(s => s.Cause).HasMaxLength(30).IsUnicode(false);
        step.Property(s => s.CompletedByFact).HasConversion<string>().HasMaxLength(30).IsUnicode(false);
        step.Property(s => s.AssigneeId).HasMaxLength(450);
        step.Property(s => s.Notes).HasMaxLength(WorkLimits.StepNotesMaxLength);
        step.Property(s => s.SkipReason).HasMaxLength(WorkLimits.ReasonMaxLength);
        step.Property(s => s.DoneById).HasMaxLength(450);
        step.Property(s => s.DoneByName).HasMaxLength(FieldLimits.PersonNameMaxLength + 50);
        step.Ignore(s => s.IsOpen);
        step.Ignore(s => s.IsUntouched);
        step.HasIndex(s => new { s.TicketId, s.Order });
    }
}

public sealed class KppVisitConfiguration : IEntityTypeConfiguration<KppVisit>
{
    public void Configure(EntityTypeBuilder<KppVisit> visit)
    {
        visit.ToTable("KppVisits");
        visit.HasKey(v => v.Id);
        visit.Property(v => v.Id).ValueGeneratedNever();
        visit.HasOne<Ticket>().WithMany().HasForeignKey(v => v.TicketId).OnDelete(DeleteBehavior.Restrict);
        visit.HasOne<Client>().WithMany().HasForeignKey(v => v.ClientId).OnDelete(DeleteBehavior.Restrict);
        visit.HasOne<AppUser>().WithMany().HasForeignKey(v => v.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        visit.HasOne<KppVisit>().WithMany().HasForeignKey(v => v.RescheduledFromId).OnDelete(DeleteBehavior.Restrict);
        visit.Property(v => v.Kpp).HasMaxLength(FieldLimits.KppMaxLength).IsRequired();
        visit.Property(v => v.OfficerName).HasMaxLength(FieldLimits.PersonNameMaxLength).IsRequired();
        visit.Property(v => v.AssigneeId).HasMaxLength(450);
        visit.Property(v => v.Documents).HasConversion<int>();
        visit.Property(v => v.Notes).HasMaxLength(WorkLimits.StepNotesMaxLength);
        visit.Property(v => v.Outcome).HasConversion<string>().HasMaxLength(20);
        visit.Property(v => v.OutcomeReason).HasMaxLength(WorkLimits.ReasonMaxLength);
        visit.Property(v => v.Version).IsConcurrencyToken();
        visit.Ignore(v => v.MissingDocuments);
        visit.Ignore(v => v.DayWib);

        // The agenda (upcoming planned visits, mine or all) and a ticket's visits.
        visit.HasIndex(v => new { v.Outcome, v.At });
        visit.HasIndex(v => new { v.AssigneeId, v.Outcome, v.At });
        visit.HasIndex(v => new { v.TicketId, v.At });

        // Reports (KppVisitsSection): visits per month by outcome, a range of At read from the index alone.
        visit.HasIndex(v => new { v.At, v.Outcome });
    }
}
