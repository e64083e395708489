using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Domain.ApiKeys;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Notifications;
using MsmHelpdesk.Domain.Replies;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Common.Persistence;

/// <summary>The helpdesk's data as handlers see it: EF Core sets, no repository layer in between.</summary>
public interface IAppDbContext : IAsyncDisposable
{
    DbSet<Client> Clients { get; }

    DbSet<Contact> Contacts { get; }

    DbSet<Ticket> Tickets { get; }

    DbSet<TimelineEntry> TimelineEntries { get; }

    DbSet<Attachment> Attachments { get; }

    DbSet<ApiKey> ApiKeys { get; }

    /// <summary>API requests sent with an Idempotency-Key, kept 24 hours with their first answer.</summary>
    DbSet<Idempotency.IdempotentRequest> IdempotentRequests { get; }

    DbSet<TicketStep> TicketSteps { get; }

    DbSet<KppVisit> KppVisits { get; }

    /// <summary>Outages many tickets link to (issue 15).</summary>
    DbSet<Domain.Incidents.Incident> Incidents { get; }

    /// <summary>Each user's named ticket-list filters (issue 15).</summary>
    DbSet<Domain.Users.SavedView> SavedViews { get; }

    /// <summary>Stored report totals per WIB month, kept with every ticket save (see <c>Tallies</c>).</summary>
    DbSet<Features.Reports.Totals.ReportTally> ReportTallies { get; }

    /// <summary>
    /// Refreshes what the database knows of its data's spread, so its query planner picks the narrow index (SQLite's
    /// ANALYZE; SQL Server keeps its statistics itself).
    /// </summary>
    Task RefreshQueryStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Refreshes the statistics of the tables that changed enough since they were gathered, reading a bounded sample
    /// (SQLite's PRAGMA optimize; cheap at any size). SQL Server keeps its statistics itself.
    /// </summary>
    Task OptimizeQueryStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>The people who work tickets (the helpdesk's users), for names and assignment.</summary>
    IQueryable<StaffMember> Staff { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a transaction for the saves and reads that must happen together, or joins the one already open on this
    /// context (its owner then commits). Saving tickets needs none for the report totals: every save keeps them itself.
    /// </summary>
    Task<IAppTransaction> BeginTransactionAsync(CancellationToken cancellationToken);

    /// <summary>Stops tracking every entity loaded or added so far: bulk writes call it between chunks to keep memory flat.</summary>
    void ClearTracked();

    /// <summary>
    /// Ids of tickets whose number, error text or description may contain <paramref name="term"/>, from a
    /// full-text index: the ids when at most <paramref name="limit"/> tickets match, else the first limit + 1 and that more do; null when
    /// it cannot tell quickly (no index, a term under 3 letters or with LIKE wildcards).
    /// With <paramref name="openOnly"/>, only open tickets, from the index that holds the open tickets alone.
    /// The index holds the three texts joined by spaces: for a term with a space, candidates, not answers (the caller
    /// re-checks them); for a term without one, exactly the tickets whose texts contain it (as SQLite's LIKE).
    /// </summary>
    Task<TicketCandidates?> FindTicketCandidatesAsync(string term, int limit, bool openOnly, CancellationToken cancellationToken);

    /// <summary>
    /// The open tickets whose number, error text or description contains <paramref name="term"/>, from the open tickets'
    /// index alone, in report order (newest first, or oldest first): how many (up to <paramref name="limit"/> + 1) and the
    /// ids of the <paramref name="take"/> of them after <paramref name="skip"/> (the page, whatever their number). Null
    /// when the index cannot answer the term exactly (SQL Server; a term under 3 characters, with a LIKE wildcard,
    /// whitespace or a character beyond ASCII).
    /// </summary>
    Task<OpenTicketMatches?> FindOpenTicketMatchesInReportOrderAsync(string term, int limit, int skip, int take, bool newestFirst, CancellationToken cancellationToken);

    /// <summary>The next ticket sequence number of <paramref name="year"/>; call inside the transaction that saves the ticket.</summary>
    Task<int> NextTicketSequenceAsync(int year, CancellationToken cancellationToken);

    /// <summary>
    /// The client a new ticket is for, with the certificate facts the classifier reads, in one read: by
    /// <paramref name="clientId"/> unless it is empty, else by the stored form of <paramref name="npwp"/>; null when there is
    /// no such client. A compiled query (decision 0196): no expression tree is built, walked or looked up per creation.
    /// </summary>
    Task<ClientForTicket?> FindClientForTicketAsync(Guid clientId, string? npwp, CancellationToken cancellationToken);

    /// <summary>
    /// How many clients other than <paramref name="exceptClient"/> reported <paramref name="errorCode"/> from
    /// <paramref name="since"/> to <paramref name="until"/> (both included), counting at most <paramref name="cap"/>: the
    /// classifier's outage evidence, read from the (ErrorCode, ReportedAt) index. A compiled query (decision 0196).
    /// </summary>
    Task<int> CountOtherClientsReportingAsync(string errorCode, DateTimeOffset since, DateTimeOffset until, Guid exceptClient, int cap, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a ticket that was never saved, inside the caller's transaction. On SQLite its row, its timeline (ids set on the
    /// entries) and its report totals are written at once in one command, untracked (decision 0168); elsewhere it is
    /// tracked and written, with its totals, by the next <see cref="SaveChangesAsync"/>.
    /// </summary>
    Task AddNewTicketAsync(Ticket ticket, CancellationToken cancellationToken);

    DbSet<Notification> Notifications { get; }

    /// <summary>Certificate-expiry thresholds already handled, one row per (client, credential, expiry date, threshold).</summary>
    DbSet<CertificateReminder> CertificateReminders { get; }

    /// <summary>The people who sign or act for a client in Coretax, with their credentials.</summary>
    DbSet<ClientSigner> ClientSigners { get; }

    /// <summary>The tax calendar's deadlines, edited by Managers.</summary>
    DbSet<Domain.Calendar.TaxDeadline> TaxDeadlines { get; }

    /// <summary>Who changed signers, credentials or the tax calendar, and how.</summary>
    DbSet<Domain.Common.AuditEntry> AuditEntries { get; }
    /// <summary>Texts the composer offers, managed by Managers; every change is in <see cref="CannedReplyChanges"/>.</summary>
    DbSet<CannedReply> CannedReplies { get; }

    DbSet<CannedReplyChange> CannedReplyChanges { get; }
    DbSet<Holiday> Holidays { get; }

    DbSet<WorkingHours> WorkingHours { get; }

    /// <summary>The firm's name (one row; the configured default until a Manager saves one).</summary>
    DbSet<Domain.Common.FirmProfile> FirmProfiles { get; }

    DbSet<SlaPolicy> SlaPolicies { get; }

    DbSet<SlaSettingsChange> SlaSettingsChanges { get; }

    DbSet<SlaEscalation> SlaEscalations { get; }
}

/// <summary>Opens a fresh context per operation: Blazor circuits outlive any single one.</summary>
public interface IAppDbContextFactory
{
    Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a short write. On SQLite, writes waiting at the same moment share one transaction and one commit (decision
    /// record 0205): each runs in its own savepoint on the writer's context, handed to <paramref name="work"/> (the
    /// caller's own <paramref name="db"/> when the writer was idle; its tracked entities are cleared after each write);
    /// its writes are kept only if it commits the transaction it begins there (returning without committing, or
    /// throwing, undoes only its own); its result is handed back after the shared COMMIT, or the COMMIT's failure is
    /// thrown to every write of the group. Elsewhere (SQL Server, or <paramref name="db"/> already in a transaction) the
    /// work runs on <paramref name="db"/> as it is.
    /// </summary>
    Task<T> WriteAsync<T>(IAppDbContext db, Func<IAppDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}

/// <summary>Built with an initializer (not a constructor) so EF can still filter on it in SQL.</summary>
public sealed record StaffMember
{
    public required string Id { get; init; }
    public required string DisplayName { get; init; }
    public required string Email { get; init; }
    public bool IsActive { get; init; }
}

/// <summary>A client as a new ticket needs it: its header and the certificate facts the classifier reads.</summary>
public sealed record ClientForTicket(Guid Id, string Name, string Npwp, Features.Diagnosis.CertificateFacts Certificate);
