using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Application.Features.Visits;

/// <summary>When a KPP visit may take place; shared by scheduling and rescheduling.</summary>
public static class VisitTime
{
    /// <summary>A date and time typed in WIB as the instant it names.</summary>
    public static DateTimeOffset FromWib(DateOnly date, TimeOnly time) => new DateTimeOffset(date.ToDateTime(time), Wib.Offset).ToUniversalTime();

    /// <summary>A visit must lie ahead, on a working day: KPPs are closed at weekends and on the holidays of the calendar.</summary>
    internal static async Task<Error?> CheckAsync(IAppDbContext db, DateOnly day, DateTimeOffset at, DateTimeOffset now, string field, CancellationToken cancellationToken)
    {
        if (at < now)
        {
            return Error.Validation(field, WorkText.VisitInPast);
        }

        var calendar = await Sla.SlaSettingsStore.CalendarAsync(db, cancellationToken);
        return calendar.IsWorkingDay(day)
            ? null
            : Error.Validation(field, WorkText.VisitOnClosedDay(day.ToString("dddd, d MMMM yyyy", System.Globalization.CultureInfo.CurrentUICulture)));
    }
}
