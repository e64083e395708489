using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Infrastructure.DemoData;

/// <param name="Clients">New clients to create (each with contacts and officers).</param>
/// <param name="Tickets">New tickets, spread over the last two years across all clients.</param>
/// <param name="Seed">Same seed, same data (relative to the current time).</param>
/// <param name="Append">
/// Add to a database that already has tickets; numbering continues each year's sequence. The tickets go only to the
/// clients and to demo consultants this run creates (never to real users or clients), and are recorded as already
/// escalated, so neither the seed nor the jobs that read its history ring anybody's bell.
/// </param>
/// <param name="Portable">Write through plain multi-row DbCommands even on SQLite: the path SQL Server takes.</param>
public sealed record DemoSeedOptions(int Clients, int Tickets, int Seed = 1, bool Append = false, bool Portable = false);

public sealed record DemoSeedProgress(string Phase, long Done, long Total, TimeSpan Elapsed);

public sealed record DemoSeedResult(int Clients, int Contacts, int Tickets, long TimelineEntries, IReadOnlyDictionary<int, int> LastNumberByYear, TimeSpan Elapsed);

/// <summary>
/// Fills a database with realistic demo clients and tickets, fast enough for a million tickets: raw
/// multi-row INSERTs in large transactions instead of EF change tracking (see <see cref="BulkInserter"/>).
/// </summary>
public sealed class DemoDataSeeder(IDbContextFactory<HelpdeskDbContext> databases, TimeProvider clock)
{
    public const int TicketsPerTransaction = 100_000;
    private const string SeedActorId = "demo-seed";
    private const string SeedActorName = "Data demo";
    private static readonly TimeSpan History = TimeSpan.FromDays(730);

    /// <summary>How many demo consultants an appending run creates to hold its tickets.</summary>
    public const int DemoConsultants = 4;

    public async Task<int> CountTicketsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Tickets.CountAsync(cancellationToken);
    }

    public async Task<DemoSeedResult> SeedAsync(DemoSeedOptions options, Action<DemoSeedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Clients);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Tickets);
        var stopwatch = Stopwatch.StartNew();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (!options.Append && await db.Tickets.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already has tickets; seed with append to add more.");
        }

        var random = new DemoRandom(new Random(options.Seed));

        // Times are drawn relative to the current hour, so a seed gives the same data all hour long.
        var now = clock.GetUtcNow();
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var staff = options.Append
            ? await DemoUsers.CreateConsultantsAsync(db, DemoConsultants, now, cancellationToken)
            : await db.Users.Where(user => user.IsActive).OrderBy(user => user.Id)
                .Select(user => new Actor(user.Id, user.DisplayName)).ToArrayAsync(cancellationToken);
        var clients = options.Append ? [] : await LoadExistingClientsAsync(db, cancellationToken);
        if (clients.Count + options.Clients == 0 && options.Tickets > 0)
        {
            throw new InvalidOperationException("There are no clients to give tickets to; seed some clients too.");
        }

        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var synchronous = sqlite ? await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync(cancellationToken) : 0;
        try
        {
            if (sqlite)
            {
                // A big page cache keeps the indexes in memory while a million rows go in.
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -200000; PRAGMA synchronous = NORMAL;", cancellationToken);
                if (await db.Database.SqlQueryRaw<long>("SELECT count(*) AS Value FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync(cancellationToken) > 0)
                {
                    // Statistics of a young database ("two rows") would make SQLite scan the full-text index's tables on every
                    // insert as they grow: forget them while seeding (statistics are gathered again at the end).
                    await db.Database.ExecuteSqlRawAsync("DELETE FROM sqlite_stat1; ANALYZE sqlite_schema;", cancellationToken);
                }

            }

            var created = await InsertClientsAsync(db, new DemoClientGenerator(random, now, History), options, clients, progress, stopwatch, cancellationToken);
            // The tickets' secondary indexes are dropped while the rows go in and built once after: several of them
            // (cause + duration, client, consultant) would otherwise take a million inserts in no particular order.
            var indexes = sqlite && options.Tickets > 0
                ? await db.Database.SqlQueryRaw<IndexDefinition>(
                    "SELECT name AS Name, sql AS Sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Tickets' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'")
                    .ToListAsync(cancellationToken)
                : [];
            foreach (var index in indexes)
            {
                // Names and statements come from the database's own schema, not from input.
                var drop = "DROP INDEX \"" + index.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\";";
                await db.Database.ExecuteSqlRawAsync(drop, cancellationToken);
            }

            // The search indexes' triggers run one full-text insert per ticket statement, each flushed into a new segment
            // that the index then merges: at a million tickets most of the seeding time. The triggers are set aside while
            // the rows go in and the new tickets are indexed in one statement after, with the same text they write.
            var searchTriggers = sqlite && options.Tickets > 0
                ? await db.Database.SqlQueryRaw<IndexDefinition>(
                    "SELECT name AS Name, sql AS Sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('TicketSearch_AfterInsert', 'OpenTicketSearch_AfterInsert')")
                    .ToListAsync(cancellationToken)
                : [];
            var lastRowBefore = searchTriggers.Count == 0 ? 0
                : await db.Database.SqlQueryRaw<long>("SELECT coalesce(max(rowid), 0) AS Value FROM Tickets").SingleAsync(cancellationToken);
            foreach (var trigger in searchTriggers)
            {
                // Names come from the database's own schema, not from input.
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"" + trigger.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\";", cancellationToken);
            }

            (long, IReadOnlyDictionary<int, int>) inserted;
            try
            {
                inserted = await InsertTicketsAsync(db, new DemoTicketGenerator(random, now, History, staff), options, clients, progress, stopwatch, cancellationToken);
            }
            finally
            {
                foreach (var trigger in searchTriggers)
                {
                    await FillSearchIndexAsync(db, trigger.Name, lastRowBefore);
                    await db.Database.ExecuteSqlRawAsync(trigger.Sql, CancellationToken.None);
                }

                if (searchTriggers.Count > 0)
                {
                    progress?.Invoke(new DemoSeedProgress("search index", 1, 1, stopwatch.Elapsed));
                }

                foreach (var index in indexes)
                {
                    var create = index.Sql;
                    await db.Database.ExecuteSqlRawAsync(create, CancellationToken.None);
                }

                if (indexes.Count > 0)
                {
                    progress?.Invoke(new DemoSeedProgress("ticket indexes", indexes.Count, indexes.Count, stopwatch.Elapsed));
                }
            }

            var (timeline, lastNumbers) = inserted;
            if (options.Append && options.Tickets > 0)
            {
                var quieted = await DemoUsers.MarkEscalatedAsync(db, [.. staff.Select(actor => actor.Id)], now, cancellationToken);
                progress?.Invoke(new DemoSeedProgress("escalations", quieted, quieted, stopwatch.Elapsed));
            }

            if (options.Tickets > 0)
            {
                // The bulk insert goes around the DbContext's save, which keeps the report totals: rebuild them.
                var totals = await Persistence.ReportTotals.TotalsRebuild.RebuildAsync(db, options.Portable, cancellationToken);
                progress?.Invoke(new DemoSeedProgress("report totals", totals, totals, stopwatch.Elapsed));
                await db.RefreshQueryStatisticsAsync(cancellationToken);
            }

            return new DemoSeedResult(options.Clients, created, options.Tickets, timeline, lastNumbers, stopwatch.Elapsed);
        }
        finally
        {
            if (sqlite)
            {
                // The connection goes back to the pool: leave it as it was.
                var restore = "PRAGMA cache_size = -2000; PRAGMA synchronous = " + synchronous.ToString(CultureInfo.InvariantCulture) + ";";
                await db.Database.ExecuteSqlRawAsync(restore, CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>An index or trigger as SQLite keeps it: its name and the statement that creates it.</summary>
    private sealed class IndexDefinition
    {
        public string Name { get; init; } = "";

        public string Sql { get; init; } = "";
    }

    /// <summary>What the search index's insert trigger would have written for the tickets after <paramref name="lastRowBefore"/>.</summary>
    private static async Task FillSearchIndexAsync(HelpdeskDbContext db, string trigger, long lastRowBefore)
    {
        var open = System.Text.Json.JsonSerializer.Serialize(TicketWorkflow.Open.Select(status => status.ToString()));
        if (trigger == "TicketSearch_AfterInsert")
        {
            // The tickets that are not open (migration AllSearchIndexHoldsTicketsNotOpen, decision 0214).
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO TicketSearch (TicketId, Content) SELECT Id, Number || ' ' || ErrorText || ' ' || coalesce(Description, '') FROM Tickets WHERE rowid > {lastRowBefore} AND Status NOT IN (SELECT value FROM json_each({open}))",
                CancellationToken.None);
            return;
        }

        // The open tickets only, each under a key of its own (migration List7) with its report time (List10), the Kelvin
        // sign and long s as U+FFFD (List9). The key is the report time negated, or the smallest free key from there
        // (OpenSearchKeysInReportOrder, decision 0209), as the insert trigger gives it: here the first free one among the
        // keys already there, then each new ticket one above the last in (key, id) order, so equal report times get
        // keys one apart. The entries go in key order: FTS5 writes them as one segment then.
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO OpenTicketSearchKeys (Key, TicketId, ReportedAt)
            SELECT Rank + max(Free - Rank) OVER (ORDER BY Free, Id ROWS UNBOUNDED PRECEDING), Id, ReportedAt
            FROM (SELECT Id, ReportedAt, Free, row_number() OVER (ORDER BY Free, Id) AS Rank
                FROM (SELECT t.Id, t.ReportedAt,
                        CASE WHEN NOT EXISTS (SELECT 1 FROM OpenTicketSearchKeys WHERE Key = -t.ReportedAt) THEN -t.ReportedAt
                        ELSE (SELECT f.Key + 1 FROM OpenTicketSearchKeys AS f WHERE f.Key >= -t.ReportedAt
                            AND NOT EXISTS (SELECT 1 FROM OpenTicketSearchKeys AS n WHERE n.Key = f.Key + 1) ORDER BY f.Key LIMIT 1) END AS Free
                    FROM Tickets AS t WHERE t.rowid > {lastRowBefore} AND t.Status IN (SELECT value FROM json_each({open}))))
            """,
            CancellationToken.None);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO OpenTicketSearch (rowid, TicketId, Content)
            SELECT k.Key, t.Id, replace(replace(t.Number || ' ' || t.ErrorText || ' ' || coalesce(t.Description, ''), char(8490), char(65533)), char(383), char(65533))
            FROM Tickets AS t JOIN OpenTicketSearchKeys AS k ON k.TicketId = t.Id
            WHERE t.rowid > {lastRowBefore} AND t.Status IN (SELECT value FROM json_each({open}))
            ORDER BY k.Key
            """,
            CancellationToken.None);
    }

    private static async Task<List<DemoClient>> LoadExistingClientsAsync(HelpdeskDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Clients.AsNoTracking().OrderBy(client => client.Id)
            .Select(client => new
            {
                client.Id,
                client.Kpp,
                Contacts = client.Contacts.OrderBy(contact => contact.Id).Select(contact => new { contact.Id, contact.Name }).ToList(),
                Officers = client.Officers.Select(officer => officer.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(row => new DemoClient(row.Id, row.Kpp, row.Contacts.Select(contact => new DemoContact(contact.Id, contact.Name)).ToArray(), [.. row.Officers.Order(StringComparer.Ordinal)])).ToList();
    }

    private static async Task<int> InsertClientsAsync(
        HelpdeskDbContext db, DemoClientGenerator generator, DemoSeedOptions options, List<DemoClient> clients, Action<DemoSeedProgress>? progress, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var count = options.Clients;
        if (count == 0)
        {
            return 0;
        }

        var takenNpwps = (await db.Clients.Select(client => client.Npwp).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var takenNames = (await db.Clients.Select(client => client.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var model = db.Model;
        await using var clientRows = BulkInserter.For(db, options.Portable, model.FindEntityType(typeof(Client))!,
            "Id", "Name", "Npwp", "Nitku", "Kpp", "PkpSince", "Channel", "CertificateIssuedOn", "CertificateExpiresOnEntered",
            "CoretaxExpiresOn", "PassphraseCustodian", "CreatedAt", "UpdatedAt", "Version");
        await using var contactRows = BulkInserter.For(db, options.Portable, model.FindEntityType(typeof(Contact))!, "Id", "Name", "Phone", "Email");
        await using var links = BulkInserter.For(db, options.Portable, model.FindEntityType("ClientContacts")!, "ClientsId", "ContactsId");
        await using var officerRows = BulkInserter.For(db, options.Portable, model.GetEntityTypes().Single(type => type.ClrType == typeof(ClientOfficer)), "ClientId", "Name", "Position");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var inserter in new[] { clientRows, contactRows, links, officerRows })
        {
            inserter.Use(transaction.GetDbTransaction());
        }

        var contacts = 0;
        DemoContact? shared = null;
        var linkRows = new List<object?[]>();
        var officers = new List<object?[]>();
        for (var i = 0; i < count; i++)
        {
            var client = generator.NextClient(takenNpwps, takenNames);
            var people = new List<DemoContact>();
            var contactCount = generator.Chance(0.35) ? 2 : 1;
            for (var c = 0; c < contactCount; c++)
            {
                // An outsourced tax admin serves several clients: one contact, many links.
                if (shared is not null && generator.Chance(0.08))
                {
                    people.Add(shared);
                    continue;
                }

                var contact = generator.NextContact(client.Name);
                await contactRows.AddAsync([contact.Id, contact.Name, contact.Phone, contact.Email], cancellationToken);
                people.Add(new DemoContact(contact.Id, contact.Name));
                contacts++;
                shared = generator.Chance(0.05) ? people[^1] : shared;
            }

            people = people.DistinctBy(person => person.Id).ToList();
            await clientRows.AddAsync(
            [
                client.Id, client.Name, client.Npwp, client.Nitku, client.Kpp, client.PkpSince, client.Channel, client.CertificateIssuedOn,
                client.CertificateExpiresOnEntered, client.CoretaxExpiresOn, client.PassphraseCustodian, client.CreatedAt, client.CreatedAt,
                2 + people.Count,
            ], cancellationToken);
            linkRows.AddRange(people.Select(person => new object?[] { client.Id, person.Id }));
            officers.AddRange(client.Officers.Select(officer => new object?[] { client.Id, officer.Name, officer.Position }));
            clients.Add(new DemoClient(client.Id, client.Kpp, [.. people], [.. client.Officers.Select(officer => officer.Name)]));
            if ((i + 1) % 10_000 == 0)
            {
                progress?.Invoke(new DemoSeedProgress("clients", i + 1, count, stopwatch.Elapsed));
            }
        }

        // Foreign keys are checked row by row: links and officers go in once their clients and contacts are written.
        await contactRows.FlushAsync(cancellationToken);
        await clientRows.FlushAsync(cancellationToken);
        foreach (var row in linkRows)
        {
            await links.AddAsync(row, cancellationToken);
        }

        foreach (var row in officers)
        {
            await officerRows.AddAsync(row, cancellationToken);
        }

        await links.FlushAsync(cancellationToken);
        await officerRows.FlushAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        progress?.Invoke(new DemoSeedProgress("clients", count, count, stopwatch.Elapsed));
        return contacts;
    }

    private static async Task<(long Timeline, IReadOnlyDictionary<int, int> LastNumbers)> InsertTicketsAsync(
        HelpdeskDbContext db, DemoTicketGenerator generator, DemoSeedOptions options, List<DemoClient> clients, Action<DemoSeedProgress>? progress, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var count = options.Tickets;
        var sequences = await db.TicketSequences.ToDictionaryAsync(sequence => sequence.Year, sequence => sequence.LastValue, cancellationToken);
        if (count == 0)
        {
            return (0, sequences);
        }

        var model = db.Model;
        await using var ticketRows = BulkInserter.For(db, options.Portable, model.FindEntityType(typeof(Ticket))!,
        [
            "Id", "Number", "ClientId", "ContactId", "Channel", "ErrorText", "ErrorCode", "Activity", "SystemVersion", "Description",
            "Priority", "Status", "AssigneeId", "ReportedAt", "CreatedAt", "CreatedById", "UpdatedAt", "ResolutionSummary", "ResolvedAt",
            "ClosedAt", "Version",
            "Suggested.Scenario", "Suggested.ScenarioConfidence", "Suggested.Cause", "Suggested.CauseConfidence", "Suggested.Version", "Suggested.At",
            "Confirmed.Scenario", "Confirmed.ScenarioConfidence", "Confirmed.Cause", "Confirmed.CauseConfidence", "Confirmed.Version", "Confirmed.At",
            "ConfirmedAt", "ConfirmedById", "ResolutionSeconds", "DiagnosisSeconds", "DiagnosedScenario", "DiagnosedCause",
            .. DemoSla.Columns,
        ]);
        await using var timelineRows = BulkInserter.For(db, options.Portable, model.FindEntityType(typeof(TimelineEntry))!,
            "TicketId", "Kind", "At", "ActorId", "ActorName", "Text", "Field", "OldValue", "NewValue");
        await using var visitRows = BulkInserter.For(db, options.Portable, model.FindEntityType(typeof(KppVisit))!, DemoVisit.Columns);

        var reported = generator.ReportTimes(count);
        IDbContextTransaction? transaction = null;
        var ticketRow = new object?[DemoTicket.ColumnCount];
        var pendingTimeline = new List<object?[]>();
        var pendingVisits = new List<object?[]>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                if (i % TicketsPerTransaction == 0)
                {
                    if (transaction is not null)
                    {
                        await CommitChunkAsync(db, transaction, sequences, ticketRows, timelineRows, pendingTimeline, visitRows, pendingVisits, cancellationToken);
                        await transaction.DisposeAsync();
                        progress?.Invoke(new DemoSeedProgress("tickets", i, count, stopwatch.Elapsed));
                    }

                    transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    ticketRows.Use(transaction.GetDbTransaction());
                    timelineRows.Use(transaction.GetDbTransaction());
                    visitRows.Use(transaction.GetDbTransaction());
                }

                var year = Wib.ToWib(reported[i]).Year;
                var sequence = sequences[year] = sequences.GetValueOrDefault(year) + 1;
                var ticket = generator.NextTicket(TicketNumber.Format(year, sequence), reported[i], clients);
                ticket.CopyTo(ticketRow);
                pendingTimeline.AddRange(ticket.Timeline.Select(entry => new object?[]
                {
                    ticket.Id, entry.Kind, entry.At, entry.Actor.Id, entry.Actor.Name, entry.Text, null, entry.OldValue, entry.NewValue,
                }));

                pendingVisits.AddRange(ticket.Visits.Select(visit => visit.Row(ticket.Id, ticket.ClientId)));

                // Timeline and visit rows point at their ticket: they are written only once the tickets' batch is
                // (a rescheduled visit's replacement follows it in the list, so it points at a written row too).
                if (await ticketRows.AddAsync(ticketRow, cancellationToken))
                {
                    await WriteAsync(timelineRows, pendingTimeline, cancellationToken);
                    await WriteAsync(visitRows, pendingVisits, cancellationToken);
                }
            }

            await CommitChunkAsync(db, transaction!, sequences, ticketRows, timelineRows, pendingTimeline, visitRows, pendingVisits, cancellationToken);
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        progress?.Invoke(new DemoSeedProgress("tickets", count, count, stopwatch.Elapsed));
        return (timelineRows.RowsWritten, sequences);
    }

    /// <summary>Each chunk commits with the year sequences it used, so later real tickets continue the numbering.</summary>
    private static async Task CommitChunkAsync(
        HelpdeskDbContext db,
        IDbContextTransaction transaction,
        Dictionary<int, int> sequences,
        BulkInserter tickets,
        BulkInserter timeline,
        List<object?[]> pendingTimeline,
        BulkInserter visits,
        List<object?[]> pendingVisits,
        CancellationToken cancellationToken)
    {
        await tickets.FlushAsync(cancellationToken);
        await WriteAsync(timeline, pendingTimeline, cancellationToken);
        await timeline.FlushAsync(cancellationToken);
        await WriteAsync(visits, pendingVisits, cancellationToken);
        await visits.FlushAsync(cancellationToken);
        var stored = await db.TicketSequences.ToListAsync(cancellationToken);
        foreach (var (year, last) in sequences)
        {
            if (stored.Find(sequence => sequence.Year == year) is { } row)
            {
                row.LastValue = last;
            }
            else
            {
                db.TicketSequences.Add(new TicketSequence { Year = year, LastValue = last });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static async Task WriteAsync(BulkInserter inserter, List<object?[]> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            await inserter.AddAsync(row, cancellationToken);
        }

        rows.Clear();
    }
}
