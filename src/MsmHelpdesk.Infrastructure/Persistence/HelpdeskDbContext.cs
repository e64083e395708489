using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Domain.ApiKeys;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Notifications;
using MsmHelpdesk.Domain.Replies;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Infrastructure.Identity;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>The one DbContext of the helpdesk. Always obtained per operation from the factory.</summary>
public sealed class HelpdeskDbContext(DbContextOptions<HelpdeskDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext, IAppDbContext
{
    /// <summary>
    /// The characters the open tickets' index stores as U+FFFD (migration List9): the Kelvin sign and the long s fold to
    /// "k" and "s" in the trigram tokenizer, which LIKE does not do; U+FFFD itself, so no term finds a replaced one.
    /// </summary>
    public const string OpenIndexReplaced = "\u212A\u017F\uFFFD";

    public DbSet<SystemFlag> SystemFlags => Set<SystemFlag>();

    public DbSet<Client> Clients => Set<Client>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Application.Common.Idempotency.IdempotentRequest> IdempotentRequests => Set<Application.Common.Idempotency.IdempotentRequest>();

    public DbSet<TicketSequence> TicketSequences => Set<TicketSequence>();

    public DbSet<CatalogueVersion> CatalogueVersions => Set<CatalogueVersion>();

    public DbSet<LearnedModel> LearnedModels => Set<LearnedModel>();

    public DbSet<TicketStep> TicketSteps => Set<TicketStep>();

    public DbSet<KppVisit> KppVisits => Set<KppVisit>();

    public DbSet<Domain.Incidents.Incident> Incidents => Set<Domain.Incidents.Incident>();

    public DbSet<Domain.Users.SavedView> SavedViews => Set<Domain.Users.SavedView>();

    public DbSet<ReportTally> ReportTallies => Set<ReportTally>();

    public IQueryable<StaffMember> Staff =>
        Users.AsNoTracking().Select(user => new StaffMember { Id = user.Id, DisplayName = user.DisplayName, Email = user.Email!, IsActive = user.IsActive });

    /// <summary>Keys protecting sign-in cookies: kept in the database so sessions survive restarts and scale-out.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<CertificateReminder> CertificateReminders => Set<CertificateReminder>();

    public DbSet<ClientSigner> ClientSigners => Set<ClientSigner>();

    public DbSet<Domain.Calendar.TaxDeadline> TaxDeadlines => Set<Domain.Calendar.TaxDeadline>();

    public DbSet<Domain.Common.AuditEntry> AuditEntries => Set<Domain.Common.AuditEntry>();
    public DbSet<CannedReply> CannedReplies => Set<CannedReply>();

    public DbSet<CannedReplyChange> CannedReplyChanges => Set<CannedReplyChange>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(FieldLimits.DisplayNameMaxLength).IsRequired();
            user.HasIndex(u => u.IsActive);
        });

        builder.Entity<SystemFlag>(flag =>
        {
            flag.HasKey(f => f.Key);
            flag.Property(f => f.Key).HasMaxLength(64);
        });

        builder.ApplyConfigurationsFromAssembly(typeof(HelpdeskDbContext).Assembly);

        builder.Entity<IdentityRole>().HasData(Domain.Users.Roles.All.Select(role => new IdentityRole
        {
            Id = $"role-{role.ToLowerInvariant()}",
            Name = role,
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = $"seed-{role.ToLowerInvariant()}",
        }));
    }

    // The two reads of a creation before its write, compiled once per model (decision 0196): a LINQ query builds its
    // expression tree, extracts its parameters and looks its plan up in EF's cache on every call (~3 % of a creation's CPU,
    // two queries). EF refuses a compiled query on a model other than the one it was compiled against; a host has one
    // model, the test process several (SQLite's compiled model, SQL Server's), hence one set per model.
    private static readonly ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, CreationReads> CompiledCreationReads = [];

    private CreationReads Reads => CompiledCreationReads.GetValue(Model, static _ => new CreationReads());

    public Task<ClientForTicket?> FindClientForTicketAsync(Guid clientId, string? npwp, CancellationToken cancellationToken) =>
        clientId != Guid.Empty ? Reads.ClientById(this, clientId, cancellationToken)
        : npwp is not null ? Reads.ClientByNpwp(this, npwp, cancellationToken)
        : Task.FromResult<ClientForTicket?>(null);

    public Task<int> CountOtherClientsReportingAsync(string errorCode, DateTimeOffset since, DateTimeOffset until, Guid exceptClient, int cap, CancellationToken cancellationToken) =>
        Reads.OtherClientsReporting(this, errorCode, since, until, exceptClient, cap, cancellationToken);

    private sealed class CreationReads
    {
        /// <summary>The client and the certificate facts the classifier reads, whichever way it was found.</summary>
        private static readonly System.Linq.Expressions.Expression<Func<Client, ClientForTicket>> ForTicket = c => new ClientForTicket(c.Id, c.Name, c.Npwp,
            new Application.Features.Diagnosis.CertificateFacts(c.CertificateIssuedOn, c.CertificateExpiresOnEntered, c.LastCertificateCheck));

        public Func<HelpdeskDbContext, Guid, CancellationToken, Task<ClientForTicket?>> ClientById { get; } =
            EF.CompileAsyncQuery((HelpdeskDbContext db, Guid id, CancellationToken _) => db.Clients.AsNoTracking().Where(c => c.Id == id).Select(ForTicket).FirstOrDefault());

        public Func<HelpdeskDbContext, string, CancellationToken, Task<ClientForTicket?>> ClientByNpwp { get; } =
            EF.CompileAsyncQuery((HelpdeskDbContext db, string npwp, CancellationToken _) => db.Clients.AsNoTracking().Where(c => c.Npwp == npwp).Select(ForTicket).FirstOrDefault());

        public Func<HelpdeskDbContext, string, DateTimeOffset, DateTimeOffset, Guid, int, CancellationToken, Task<int>> OtherClientsReporting { get; } =
            EF.CompileAsyncQuery((HelpdeskDbContext db, string code, DateTimeOffset since, DateTimeOffset until, Guid client, int cap, CancellationToken _) =>
                db.Tickets.AsNoTracking()
                    .Where(t => t.ErrorCode == code && t.ReportedAt >= since && t.ReportedAt <= until && t.ClientId != client)
                    .Select(t => t.ClientId).Distinct().Take(cap).Count());
    }

    public async Task<int> NextTicketSequenceAsync(int year, CancellationToken cancellationToken)
    {
        // The UPDATE locks the year's row until the caller's transaction ends, so numbers never repeat; it hands back
        // the new value itself (RETURNING / OUTPUT), one statement instead of an update and a read.
        // On SQLite a raw command rather than SqlQuery's LINQ pipeline around it: 2.2 % of a creation's CPU was that pipeline (0192).
        int? next;
        if (Database.IsSqlite())
        {
            await using (var reader = await RawCommand.ReaderAsync(this, "UPDATE TicketSequences SET LastValue = LastValue + 1 WHERE Year = {0} RETURNING LastValue", [year], cancellationToken))
            {
                next = await reader.DbDataReader.ReadAsync(cancellationToken) ? reader.DbDataReader.GetInt32(0) : null;
            }
        }
        else
        {
            var values = await Database.SqlQuery<int>($"UPDATE [TicketSequences] SET [LastValue] = [LastValue] + 1 OUTPUT INSERTED.[LastValue] AS [Value] WHERE [Year] = {year}").ToListAsync(cancellationToken);
            next = values.Count == 0 ? null : values[0];
        }

        if (next is null)
        {
            TicketSequences.Add(new TicketSequence { Year = year, LastValue = 1 });
            await base.SaveChangesAsync(cancellationToken);
            return 1;
        }

        return next.Value;
    }

    public Task AddNewTicketAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        if (Database.IsSqlite())
        {
            return NewTicketWriter.Of(this).WriteAsync(this, ticket, cancellationToken);
        }

        Tickets.Add(ticket);
        return Task.CompletedTask;
    }

    public async Task<TicketCandidates?> FindTicketCandidatesAsync(string term, int limit, bool openOnly, CancellationToken cancellationToken)
    {
        // Only SQLite has the trigram indexes (the TicketSearchIndex and List7 migrations); SQL Server asks its full-text
        // index or searches with LIKE. LIKE wildcards in the term are left to that plain path rather than escaped here.
        if (!HasTrigramIndexFor(term))
        {
            return null;
        }

        // The open index stores the two characters whose case folding is an ASCII letter (Kelvin sign, long s) as U+FFFD
        // (migration List9): a term with any of the three is left to the plain search, which reads the tickets themselves.
        // The whole history's search asks the open index too (below), so this holds for both.
        if (term.AsSpan().IndexOfAny(OpenIndexReplaced) >= 0)
        {
            return null;
        }

        // The open index (positions kept, migration List9) answers a word of ASCII letters without a space as a phrase of
        // its trigrams from the index alone: the same tickets as LIKE '%term%' (ASCII case folded both ways, no other
        // character folds to ASCII there), with each match's id from the small key table instead of the stored text.
        // LIKE makes SQLite read every candidate's stored text to re-check it: 5.3 ms of CPU for 1,113 matches at 1M,
        // against 1.1 ms this way (decision 0190).
        List<string> ids;
        if (openOnly && IsOpenIndexPhrase(term))
        {
            ids = await Database.SqlQueryRaw<string>(
                    "SELECT k.TicketId AS Value FROM (SELECT rowid AS Row FROM OpenTicketSearch WHERE OpenTicketSearch MATCH {0} LIMIT {1}) AS s "
                    + "JOIN OpenTicketSearchKeys AS k ON k.Key = s.Row", Phrase(term), limit + 1)
                .ToListAsync(cancellationToken);
            return new TicketCandidates(ids.Select(Guid.Parse).ToArray(), MoreThanLimit: ids.Count > limit, Exact: true);
        }

        // The whole history's index holds the tickets that are not open (migration AllSearchIndexHoldsTicketsNotOpen,
        // decision 0214), the open index the open ones: the whole history asks both and counts tickets, not entries, up to
        // the limit: a ticket can be in both (re-opened, or open since before that migration) and more than once in the
        // whole history's index (an edit adds an entry). The whole history's index first: its entries come in the order
        // they were written, mostly older tickets near each other in the table, which a re-check by id reads faster than
        // the open index's newest-first keys spread over it (at 1M, "kadaluwarsa": 14.1–14.3 ms with the open index first,
        // 12.2–12.6 ms before this change, interleaved; decision 0214).
        // The statement is one of two of ours; the term and the limit go as parameters.
        var sql = openOnly
            ? "SELECT TicketId AS Value FROM OpenTicketSearch WHERE Content LIKE {0} LIMIT {1}"
            : "SELECT DISTINCT TicketId AS Value FROM (SELECT TicketId FROM TicketSearch WHERE Content LIKE {0} "
                + "UNION ALL SELECT TicketId FROM OpenTicketSearch WHERE Content LIKE {0}) LIMIT {1}";
        ids = await Database.SqlQueryRaw<string>(sql, $"%{term}%", limit + 1).ToListAsync(cancellationToken);
        return new TicketCandidates(ids.Distinct().Select(Guid.Parse).ToArray(), MoreThanLimit: ids.Count > limit);
    }

    public async Task<OpenTicketMatches?> FindOpenTicketMatchesInReportOrderAsync(string term, int limit, int skip, int take, bool newestFirst, CancellationToken cancellationToken)
    {
        if (!HasTrigramIndexFor(term) || !IsOpenIndexPhrase(term))
        {
            return null;
        }

        // The open index's rowids are its keys, each open ticket's report time negated (migration
        // OpenSearchKeysInReportOrder, decision 0209): its matches in rowid order are newest first. One statement: their
        // number (up to limit + 1) and the page's ids, the matches read in that order from the index, the page's reading
        // stopping after its rows. No ticket and no sort of every match (the page's 25 ids are put in order again, so the
        // order does not rest on the join's loop), and only the count reads on to its limit. The count's row has no
        // id, so a page past the last match still has it. The direction is one of two words of ours; the rest goes as
        // parameters.
        var direction = newestFirst ? "ASC" : "DESC";
        var ids = new List<Guid>(take);
        long matches = 0;
        await using (var reader = await RawCommand.ReaderAsync(
            this,
            "SELECT NULL, count(*) FROM (SELECT 1 FROM OpenTicketSearch WHERE OpenTicketSearch MATCH {0} LIMIT {1}) "
                + "UNION ALL SELECT * FROM (SELECT k.TicketId, NULL FROM "
                + $"(SELECT rowid AS Row FROM OpenTicketSearch WHERE OpenTicketSearch MATCH {{0}} ORDER BY rowid {direction} LIMIT {{2}} OFFSET {{3}}) AS s "
                + $"CROSS JOIN OpenTicketSearchKeys AS k ON k.Key = s.Row ORDER BY s.Row {direction})",
            [Phrase(term), limit + 1, take, skip],
            cancellationToken))
        {
            var row = reader.DbDataReader;
            while (await row.ReadAsync(cancellationToken))
            {
                if (row.IsDBNull(0))
                {
                    matches = row.GetInt64(1);
                }
                else
                {
                    ids.Add(Guid.Parse(row.GetString(0)));
                }
            }
        }

        return new OpenTicketMatches((int)matches, ids);
    }

    /// <summary>
    /// Only SQLite has the trigram indexes; a term under 3 characters has no trigram, and LIKE wildcards in it are left to
    /// the plain search rather than escaped here.
    /// </summary>
    private bool HasTrigramIndexFor(string term) => Database.IsSqlite() && term.Length >= 3 && term.AsSpan().IndexOfAny("%_\\") < 0;

    /// <summary>
    /// A term the open index answers exactly as a phrase of its trigrams (decision 0190): ASCII without whitespace (no
    /// Kelvin sign, long s or U+FFFD, which the index stores differently).
    /// </summary>
    private static bool IsOpenIndexPhrase(string term) => !term.Any(char.IsWhiteSpace) && System.Text.Ascii.IsValid(term);

    private static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // The timeline is the audit trail: nothing may change or remove an entry once written.
        if (ChangeTracker.Entries<TimelineEntry>().Any(entry => entry.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Timeline entries are append-only.");
        }

        // The report totals are written with every ticket save by ReportTotals.ReportTotalsInterceptor.
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public async Task<IAppTransaction> BeginTransactionAsync(CancellationToken cancellationToken) =>
        await AppTransaction.BeginAsync(Database, cancellationToken);

    public void ClearTracked() => ChangeTracker.Clear();

    public async Task RefreshQueryStatisticsAsync(CancellationToken cancellationToken)
    {
        // Without statistics SQLite prefers any equality (one consultant, one error code) over a date range and
        // reads a consultant's whole history to count one month. A full ANALYZE of a million tickets takes seconds.
        if (Database.IsSqlite())
        {
            await Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
        }
    }

    public async Task OptimizeQueryStatisticsAsync(CancellationToken cancellationToken)
    {
        // 0x10002: every table, not only those this connection used; analysis_limit keeps each table's sample bounded,
        // so a million tickets cost milliseconds. Tables that grew tenfold since their statistics get fresh ones, so a
        // young database's "almost empty" statistics do not outlive its first thousands of tickets.
        if (Database.IsSqlite())
        {
            await Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;", cancellationToken);
        }
    }

    public DbSet<Holiday> Holidays => Set<Holiday>();

    public DbSet<WorkingHours> WorkingHours => Set<WorkingHours>();

    public DbSet<Domain.Common.FirmProfile> FirmProfiles => Set<Domain.Common.FirmProfile>();

    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();

    public DbSet<SlaSettingsChange> SlaSettingsChanges => Set<SlaSettingsChange>();

    public DbSet<SlaEscalation> SlaEscalations => Set<SlaEscalation>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTimeOffset type: store UTC ticks so values sort and compare in SQL.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
