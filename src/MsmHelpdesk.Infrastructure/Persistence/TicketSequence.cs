namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>The last ticket number given out in a year; the row is locked while a ticket is created.</summary>
public sealed class TicketSequence
{
    public int Year { get; set; }

    public int LastValue { get; set; }
}
