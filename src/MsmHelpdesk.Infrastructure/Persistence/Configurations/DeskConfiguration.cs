using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Incidents;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.Identity;

namespace MsmHelpdesk.Infrastructure.Persistence.Configurations;

public sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> incident)
    {
        incident.ToTable("Incidents");
        incident.HasKey(i => i.Id);
        incident.Property(i => i.Id).ValueGeneratedNever();
        incident.Property(i => i.Title).HasMaxLength(Incident.TitleMaxLength).IsRequired();
        incident.Property(i => i.ErrorCode).HasMaxLength(32).IsUnicode(false);
        incident.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        incident.Property(i => i.Description).HasMaxLength(FieldLimits.DescriptionMaxLength);
        incident.Property(i => i.CreatedById).HasMaxLength(450).IsRequired();
        incident.Property(i => i.CreatedByName).HasMaxLength(FieldLimits.PersonNameMaxLength + 50).IsRequired();
        incident.Property(i => i.ResolutionSummary).HasMaxLength(FieldLimits.NoteMaxLength);
        incident.Property(i => i.Version).IsConcurrencyToken();

        // The list (open first) and the suggestion's "open incident for this code?".
        incident.HasIndex(i => new { i.Status, i.ErrorCode });
    }
}

public sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> view)
    {
        view.ToTable("SavedViews");
        view.HasKey(v => v.Id);
        view.Property(v => v.Id).ValueGeneratedNever();
        view.HasOne<AppUser>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Cascade);
        view.Property(v => v.OwnerId).HasMaxLength(450).IsRequired();
        view.Property(v => v.Name).HasMaxLength(SavedView.NameMaxLength).IsRequired();
        view.Property(v => v.Filters).HasMaxLength(SavedView.FiltersMaxLength).IsRequired();
        view.HasIndex(v => new { v.OwnerId, v.Name }).IsUnique();
    }
}

/// <summary>
/// The ticket's links to an incident and to the original it was merged into (issue 15). Plain indexed columns,
/// no foreign keys: adding one to Tickets makes SQLite rebuild the table, which drops the search index's triggers.
/// Incidents and tickets are never deleted, so nothing can dangle.
/// </summary>
internal static class TicketDeskConfiguration
{
    public static void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.Ignore(t => t.IsOpen);
        ticket.HasIndex(t => new { t.IncidentId, t.Status });
        ticket.HasIndex(t => t.MergedIntoId);
    }
}
