using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MsmHelpdesk.Application.Features.Reports.Totals;

namespace MsmHelpdesk.Infrastructure.Persistence.Configurations;

public sealed class ReportTallyConfiguration : IEntityTypeConfiguration<ReportTally>
{
    public void Configure(EntityTypeBuilder<ReportTally> tally)
    {
        tally.ToTable("ReportTallies");
        tally.HasKey(t => t.Id);
        tally.Property(t => t.Id).ValueGeneratedOnAdd();
        tally.Property(t => t.Kind).HasMaxLength(16).IsUnicode(false).IsRequired();
        tally.Property(t => t.ErrorCode).HasMaxLength(32).IsUnicode(false);
        tally.Property(t => t.Channel).HasConversion<string>().HasMaxLength(20);
        tally.Property(t => t.AssigneeId).HasMaxLength(450);
        tally.Property(t => t.Key).HasMaxLength(64).IsUnicode(false);
        tally.Property(t => t.Key2).HasMaxLength(64).IsUnicode(false);

        // A section sums one kind over a range of months (Day 0) or of days, grouped by its keys: every column in
        // the index, so the sums read the index alone; Day before Month so the month rows of two years are one
        // range without the day rows between them.
        tally.HasIndex(t => new { t.Kind, t.Day, t.Month, t.ErrorCode, t.Channel, t.AssigneeId, t.Key, t.Key2, t.Number, t.Tickets, t.Open, t.Confirmed })
            .HasDatabaseName("IX_ReportTallies_Sums");
    }
}
