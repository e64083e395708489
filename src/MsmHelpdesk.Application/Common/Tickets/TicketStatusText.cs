using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Common.Tickets;

/// <summary>Status names in the user's language, for messages.</summary>
public static class TicketStatusText
{
    public static string Of(TicketStatus status) => AppText.Get($"Status{status}");
}
