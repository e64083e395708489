using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Calendar;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Application.Features.Calendar;

/// <summary>The tax calendar read against the working-day calendar: which filings fall due when, and which a ticket's problem blocks.</summary>
public static class FilingDeadlines
{
    public const string AuditArea = "tax-calendar";
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public sealed record Due(Guid DeadlineId, string Name, TaxFiling Filing, DateOnly DueOn);

    /// <summary>Every deadline's next due date on or after <paramref name="today"/>, earliest first.</summary>
    public static async Task<IReadOnlyList<Due>> NextAsync(IAppDbContext db, DateOnly today, BusinessCalendar calendar, CancellationToken cancellationToken)
    {
        var deadlines = await db.TaxDeadlines.AsNoTracking().ToListAsync(cancellationToken);
        return Next(deadlines, today, calendar);
    }

    /// <summary>The next due date of each of <paramref name="deadlines"/> on or after <paramref name="today"/>, earliest first.</summary>
    public static IReadOnlyList<Due> Next(IEnumerable<TaxDeadline> deadlines, DateOnly today, BusinessCalendar calendar) =>
        deadlines.Select(d => new Due(d.Id, d.Name, d.Filing, d.NextDue(today, calendar))).OrderBy(d => d.DueOn).ThenBy(d => d.Name, StringComparer.Ordinal).ToArray();

    /// <summary>The earliest due filing that a problem of <paramref name="scenario"/> blocks within 3 working days, or null.</summary>
    public static Due? Threatened(IReadOnlyList<Due> upcoming, string? scenario, DateOnly today, BusinessCalendar calendar)
    {
        var blocked = FilingBlocks.Of(scenario);
        return upcoming.FirstOrDefault(due => blocked.Contains(due.Filing) && FilingBlocks.IsWithinWorkingDays(today, due.DueOn, calendar));
    }

    /// <summary>Why the ticket was raised, in the ticket's words (Indonesian by default).</summary>
    public static string Reason(Due due, DateOnly today, BusinessCalendar calendar)
    {
        var workingDays = 0;
        for (var day = today; day < due.DueOn; day = calendar.NextWorkingDay(day))
        {
            workingDays++;
        }

        return AppText.DeadlineUrgentReason(due.Name, due.DueOn.ToString("d MMMM yyyy", Indonesian), workingDays);
    }

    public static string FilingName(TaxFiling filing) => filing switch
    {
        TaxFiling.Payment => AppText.TaxFilingPayment,
        TaxFiling.InvoiceUpload => AppText.TaxFilingInvoiceUpload,
        TaxFiling.SptMasaPpn => AppText.TaxFilingSptMasaPpn,
        _ => AppText.TaxFilingSptTahunan,
    };
}
