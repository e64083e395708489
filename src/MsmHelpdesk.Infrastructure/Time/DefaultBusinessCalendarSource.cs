using MsmHelpdesk.Application.Common;
using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Infrastructure.Time;

/// <summary>The built-in calendar (Monday–Friday, no holidays) until the database-backed source is registered instead.</summary>
public sealed class DefaultBusinessCalendarSource : IBusinessCalendarSource
{
    public Task<BusinessCalendar> GetAsync(CancellationToken cancellationToken) => Task.FromResult(BusinessCalendar.Default);
}
