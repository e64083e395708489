namespace MsmHelpdesk.Domain.Tickets;

/// <summary>
/// The status machine: New → Triaged → InProgress → WaitingOnClient / WaitingOnKpp → Resolved → Closed,
/// and Reopen (Resolved or Closed back to InProgress).
/// </summary>
public static class TicketWorkflow
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Moves = new()
    {
        [TicketStatus.New] = [TicketStatus.Triaged],
        [TicketStatus.Triaged] = [TicketStatus.InProgress],
        [TicketStatus.InProgress] = [TicketStatus.WaitingOnClient, TicketStatus.WaitingOnKpp, TicketStatus.Resolved],
        [TicketStatus.WaitingOnClient] = [TicketStatus.InProgress, TicketStatus.WaitingOnKpp, TicketStatus.Resolved],
        [TicketStatus.WaitingOnKpp] = [TicketStatus.InProgress, TicketStatus.WaitingOnClient, TicketStatus.Resolved],
        [TicketStatus.Resolved] = [TicketStatus.Closed, TicketStatus.InProgress],
        [TicketStatus.Closed] = [TicketStatus.InProgress],
    };

    public static IReadOnlyList<TicketStatus> Open { get; } =
        [TicketStatus.New, TicketStatus.Triaged, TicketStatus.InProgress, TicketStatus.WaitingOnClient, TicketStatus.WaitingOnKpp];

    public static IReadOnlyList<TicketStatus> NextFrom(TicketStatus status) => Moves[status];

    public static bool CanMove(TicketStatus from, TicketStatus to) => Moves[from].Contains(to);

    public static bool IsOpen(TicketStatus status) => Open.Contains(status);

    /// <summary>Moving a resolved or closed ticket back to work is a reopen.</summary>
    public static bool IsReopen(TicketStatus from, TicketStatus to) => !IsOpen(from) && IsOpen(to);
}
