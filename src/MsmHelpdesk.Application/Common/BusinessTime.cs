using MsmHelpdesk.Domain.Time;

namespace MsmHelpdesk.Application.Common;

/// <summary>The current business calendar (working hours and the editable holiday list) as stored in the database.</summary>
public interface IBusinessCalendarSource
{
    Task<BusinessCalendar> GetAsync(CancellationToken cancellationToken);
}
