using MsmHelpdesk.Application.Features.Tickets;

namespace MsmHelpdesk.Tests.Support;

public static class TicketEdits
{
    /// <summary>The edit a consultant makes on the ticket page: everything as loaded, a new description.</summary>
    public static UpdateTicketCommand Edit(TicketView loaded, string description) => new()
    {
        TicketId = loaded.Id,
        ExpectedVersion = loaded.Version,
        ContactId = loaded.ContactId,
        Channel = loaded.Channel,
        ErrorText = loaded.ErrorText,
        Activity = loaded.Activity,
        SystemVersion = loaded.SystemVersion,
        Description = description,
        Priority = loaded.Priority,
        ReportedAt = loaded.ReportedAt,
    };
}
