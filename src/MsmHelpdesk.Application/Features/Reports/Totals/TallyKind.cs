using MsmHelpdesk.Application.Features.Reports.Sections;

namespace MsmHelpdesk.Application.Features.Reports.Totals;

/// <summary>
/// A kind of stored total and the filters its rows can answer. A kind keeping neither code nor channel serves only
/// a report without those filters; the consultant, client and KPP filters always read the tickets.
/// </summary>
public sealed record TallyKind(string Name, bool KeepsErrorCode, bool KeepsChannel, bool KeepsAssignee = false)
{
    /// <summary>Tickets by error code, channel, diagnosed scenario and cause: error codes and the ETAX-40002 matrix.</summary>
    public static readonly TallyKind Codes = new("codes", true, true);

    /// <summary>Tickets reported (key "new", by the day reported) and resolved ("resolved", by the day resolved): the weekly flow.</summary>
    public static readonly TallyKind Flow = new("flow", true, true);

    /// <summary>Tickets per client: the clients with the most tickets.</summary>
    public static readonly TallyKind Clients = new("clients", false, false);

    /// <summary>Resolved tickets per cause and bucket of <see cref="Percentiles.BucketSeconds"/> of the time to resolution.</summary>
    public static readonly TallyKind Resolution = new("resolution", true, false);

    /// <summary>Diagnosed tickets per cause and bucket of the time to a confirmed diagnosis.</summary>
    public static readonly TallyKind Diagnosis = new("diagnosis", true, false);

    /// <summary>Judged tickets (suggested and confirmed cause) per month of confirmation and whether cause and scenario matched.</summary>
    public static readonly TallyKind Accuracy = new("accuracy", true, true, KeepsAssignee: true);

    /// <summary>
    /// Resolved tickets per WIB month (and day) *resolved*, consultant and bucket of <see cref="Percentiles.BucketSeconds"/>
    /// of the time to resolution: the consultants' workload. Keeping error code and channel too made 200,000 rows of
    /// a million tickets, more to read than the tickets they replace.
    /// </summary>
    public static readonly TallyKind Workload = new("workload", false, false, KeepsAssignee: true);

    /// <summary>First-response outcomes per WIB month answered, met or breached.</summary>
    public static readonly TallyKind SlaFirstResponse = new("sla-first", true, true, KeepsAssignee: true);

    /// <summary>Resolution outcomes per WIB month resolved (the latest resolution), met or breached.</summary>
    public static readonly TallyKind SlaResolution = new("sla-resolution", true, true, KeepsAssignee: true);
}
