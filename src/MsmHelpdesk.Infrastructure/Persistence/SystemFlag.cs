namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>A one-way switch of the installation, such as "first-run setup is done". Its key is unique.</summary>
public sealed class SystemFlag
{
    public const string SetupCompleted = "setup-completed";

    /// <summary>
    /// The stored report totals were built from the tickets, by this version of what a ticket contributes (a new
    /// version rebuilds them on the next start).
    /// </summary>
    public const string ReportTalliesBuilt = "report-tallies-built:" + Application.Features.Reports.Totals.Tallies.Version;

    public required string Key { get; init; }

    public DateTimeOffset SetAt { get; init; }
}
