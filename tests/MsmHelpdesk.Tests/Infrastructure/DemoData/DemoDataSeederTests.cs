using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Diagnosis;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Application.Features.Users;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Infrastructure.DemoData;
using MsmHelpdesk.Infrastructure.Persistence;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Infrastructure.DemoData;

public sealed partial class DemoDataSeederTests
{
    private static readonly UserIdentity Admin = TestCurrentUser.Admin();

    private static DemoDataSeeder Seeder(TestApp app, TimeProvider? clock = null) =>
        new(app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>(), clock ?? TimeProvider.System);

    [Fact]
    public async Task ShouldKeepEveryTicketIndexAndLeaveReportTotalsAndStatisticsBehind()
    {
        await using var app = await TestApp.StartAsync();
        async Task<List<string>> IndexesAsync() => await app.QueryDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Tickets' AND sql IS NOT NULL ORDER BY name")
            .ToListAsync());
        async Task<long> StatisticsAsync() => await app.QueryDbAsync(db => db.Database
            .SqlQueryRaw<long>("SELECT count(*) AS Value FROM sqlite_stat1 WHERE tbl = 'Tickets'").SingleAsync());
        var before = await IndexesAsync();
        async Task<List<string>> TriggersAsync() => await app.QueryDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Tickets' ORDER BY name")
            .ToListAsync());
        var triggers = await TriggersAsync();

        // A new, empty database has no statistics of its tickets after start-up's PRAGMA optimize: "two rows" statistics
        // would make SQLite scan the full-text index's tables on every insert once they grow.
        Assert.Equal(0, await StatisticsAsync());
        await Seeder(app).SeedAsync(new DemoSeedOptions(Clients: 20, Tickets: 400, Seed: 3));

        // The indexes dropped for the bulk insert are back, exactly; the report totals and statistics are there.
        Assert.True(before.Count > 15);
        Assert.Equal(before, await IndexesAsync());

        // So are the search indexes' triggers set aside for it, and the open tickets' index holds the open tickets.
        Assert.Contains(triggers, sql => sql.Contains("OpenTicketSearch_AfterInsert", StringComparison.Ordinal));
        Assert.Equal(triggers, await TriggersAsync());
        await OpenTicketIndex.AssertHoldsExactlyTheOpenTicketsAsync(app);
        Assert.True(await StatisticsAsync() > 10);
        // Every ticket counts once in its month's rows and once in its day's rows.
        var stored = await app.QueryDbAsync(db => db.ReportTallies.Where(t => t.Kind == "codes" && t.Day == 0).SumAsync(t => t.Tickets));
        Assert.Equal(400, stored);
        var storedByDay = await app.QueryDbAsync(db => db.ReportTallies.Where(t => t.Kind == "codes" && t.Day != 0).SumAsync(t => t.Tickets));
        Assert.Equal(400, storedByDay);
    }

    [Fact]
    public async Task ShouldSeedTicketsThatTheTicketQueriesReadWithTheirNumbersAndStatuses()
    {
        await using var app = await TestApp.StartAsync();

        var seeded = await Seeder(app).SeedAsync(new DemoSeedOptions(Clients: 20, Tickets: 500, Seed: 3));

        var rows = new List<TicketRow>();
        for (var page = 1; page <= 3; page++)
        {
            rows.AddRange((await app.SendAsync(Admin, new ListTicketsQuery { Queue = TicketQueue.All, PageSize = 200, Page = page })).Value.Items);
        }

        Assert.Equal(500, rows.Count);
        var byYear = rows.GroupBy(row => Wib.ToWib(row.ReportedAt).Year).ToDictionary(group => group.Key, group => group.ToList());
        foreach (var (year, tickets) in byYear)
        {
            var inReportOrder = tickets.OrderBy(row => row.ReportedAt).ThenBy(row => row.Number, StringComparer.Ordinal).Select(row => row.Number);
            Assert.Equal(Enumerable.Range(1, tickets.Count).Select(sequence => TicketNumber.Format(year, sequence)), inReportOrder);
            Assert.Equal(tickets.Count, seeded.LastNumberByYear[year]);
        }

        Assert.All(rows, row => Assert.InRange(row.ReportedAt, DateTimeOffset.UtcNow.AddDays(-731), DateTimeOffset.UtcNow));
        var open = (await app.SendAsync(Admin, new ListTicketsQuery { PageSize = 200 })).Value;
        Assert.Equal(rows.Count(row => TicketWorkflow.IsOpen(row.Status)), open.TotalCount);
        Assert.Contains(rows, row => row.Status == TicketStatus.Closed);
        Assert.Contains(rows, row => row.Status == TicketStatus.Resolved);
        Assert.InRange(open.TotalCount, 1, 100);

        var closed = rows.First(row => row.Status == TicketStatus.Closed);
        var view = (await app.SendAsync(Admin, new GetTicketQuery { Number = closed.Number })).Value;
        Assert.Equal((closed.Id, TicketStatus.Closed, closed.ErrorText, closed.ClientName), (view.Id, view.Status, view.ErrorText, view.ClientName));
        Assert.False(string.IsNullOrWhiteSpace(view.ResolutionSummary));
        Assert.Equal(TimelineKind.Created, view.Timeline[0].Kind);
        Assert.Equal(view.ErrorText, view.Timeline[0].Text);
        Assert.Equal(TicketStatus.Closed.ToString(), view.Timeline[^1].NewValue);
        Assert.Equal(ErrorCodes.Extract(view.ErrorText), view.ErrorCode);

        var search = (await app.SendAsync(Admin, new ListTicketsQuery { Queue = TicketQueue.All, Search = "40002" })).Value;
        Assert.InRange(search.TotalCount, 50, 499);
    }

    [Fact]
    public async Task ShouldContinueTheYearsSequenceWithTheNextRealTicket()
    {
        await using var app = await TestApp.StartAsync();
        var seeded = await Seeder(app).SeedAsync(new DemoSeedOptions(Clients: 5, Tickets: 200));
        var clientId = await app.QueryDbAsync(db => db.Clients.Select(client => client.Id).FirstAsync());

        var created = await app.SendAsync(Admin, new CreateTicketCommand { ClientId = clientId, ErrorText = "ETAX-40002: Error di Service" });

        var year = Wib.ToWib(DateTimeOffset.UtcNow).Year;
        Assert.Equal(TicketNumber.Format(year, seeded.LastNumberByYear.GetValueOrDefault(year) + 1), created.Value.Number);
    }

    [Fact]
    public async Task ShouldStoreSeededRowsExactlyAsEfStoresThem()
    {
        await using var app = await TestApp.StartAsync();
        var userId = (await app.SendAsync(Admin, new CreateUserCommand
        {
            Email = "sri@msm.co.id",
            DisplayName = "Sri Wahyuni",
            Password = "Konsultan2026",
            ConfirmPassword = "Konsultan2026",
            Roles = [Roles.Consultant],
        })).Value;
        var clientId = (await app.SendAsync(Admin, new CreateClientCommand
        {
            Name = "PT Lewat EF",
            Npwp = "01.234.567.4-018.000",
            Nitku = "0012345674018000000000",
            Kpp = "KPP Pratama Jakarta Setiabudi Satu",
            Channel = EFakturChannel.Desktop4,
            PkpSince = new DateOnly(2012, 3, 1),
            CertificateIssuedOn = new DateOnly(2024, 5, 14),
            CertificateExpiresOn = new DateOnly(2026, 5, 14),
            CoretaxExpiresOn = new DateOnly(2026, 9, 30),
            PassphraseCustodian = "Hendra Wijaya",
            Officers = [new OfficerInput { Name = "Budi Santoso", Position = "Direktur Utama" }],
        })).Value;
        var contactId = (await app.SendAsync(Admin, new AddClientContactCommand { ClientId = clientId, Name = "Rina", Phone = "0812-3456-7890", Email = "rina@lewat.co.id" })).Value;
        // Seeded tickets are created by the helpdesk's users, so the EF ticket is too: ids look alike.
        var sri = new UserIdentity(userId, "Sri Wahyuni", new HashSet<string> { Roles.Consultant });
        var ticket = (await app.SendAsync(sri, new CreateTicketCommand
        {
            ClientId = clientId,
            ContactId = contactId,
            ErrorText = "ETAX-40002: Error di Service",
            Activity = "Upload",
            SystemVersion = "e-Faktur Desktop 4.0",
            Description = "Tidak bisa upload",
            Priority = TicketPriority.High,
            Channel = TicketChannel.WhatsApp,
            AssigneeId = userId,
            ReportedAt = DateTimeOffset.UtcNow.AddHours(-2),
        })).Value;
        Assert.True((await app.SendAsync(sri, new ConfirmDiagnosisCommand { TicketId = ticket.Id, Scenario = "upload", Cause = "expired-certificate" })).IsSuccess);
        // A renewal visit planned for tomorrow at the KPP, the certificate recorded as issued today.
        var visit = await app.SendAsync(sri, new ScheduleKppVisitCommand
        {
            TicketId = ticket.Id,
            Date = Wib.Today(TimeProvider.System).AddDays(1),
            Time = new TimeOnly(9, 0),
            OfficerName = "Budi Santoso",
            Documents = MsmHelpdesk.Domain.Tickets.KppVisit.AllDocuments,
        });
        Assert.True(visit.IsSuccess, visit.IsSuccess ? "" : visit.Error!.Message);
        Assert.True((await app.SendAsync(sri, new RecordKppVisitOutcomeCommand
        {
            VisitId = visit.Value,
            Outcome = KppVisitOutcome.CertificateIssued,
            CertificateIssuedOn = Wib.Today(TimeProvider.System),
        })).IsSuccess);
        await Seed.FinishStepsAsync(app, sri, ticket.Id);
        foreach (var (to, summary) in new[] { (TicketStatus.Triaged, (string?)null), (TicketStatus.InProgress, null), (TicketStatus.Resolved, "Sertel diperbarui."), (TicketStatus.Closed, null) })
        {
            Assert.True((await app.SendAsync(sri, new ChangeTicketStatusCommand { TicketId = ticket.Id, To = to, ResolutionSummary = summary })).IsSuccess);
        }

        await Seeder(app).SeedAsync(new DemoSeedOptions(Clients: 60, Tickets: 300, Append: true));

        var efKeys = new Dictionary<string, string>
        {
            ["Clients"] = $"Id = '{clientId.ToString().ToUpperInvariant()}'",
            ["Contacts"] = $"Id = '{contactId.ToString().ToUpperInvariant()}'",
            ["ClientContacts"] = $"ClientsId = '{clientId.ToString().ToUpperInvariant()}'",
            ["ClientOfficers"] = $"ClientId = '{clientId.ToString().ToUpperInvariant()}'",
            ["Tickets"] = $"Id = '{ticket.Id.ToString().ToUpperInvariant()}'",
            ["TimelineEntries"] = $"TicketId = '{ticket.Id.ToString().ToUpperInvariant()}'",
            ["KppVisits"] = $"TicketId = '{ticket.Id.ToString().ToUpperInvariant()}'",
        };
        var compared = new List<string>();
        await using var connection = new SqliteConnection(await app.QueryDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!)));
        await connection.OpenAsync();
        foreach (var (table, efRows) in efKeys)
        {
            foreach (var column in await ColumnsAsync(connection, table))
            {
                var ef = await ShapesAsync(connection, table, column, efRows);
                var seeded = await ShapesAsync(connection, table, column, $"NOT ({efRows})");
                // Demo diagnoses carry no evidence text; a confirmation names the consultant, not the seed.
                // Demo visits carry no notes.
                var notSeeded = column is "Field" or "ContactId" or "SuggestedEvidence" or "ConfirmedEvidence"
                    || (table == "KppVisits" && column == "Notes");
                Assert.True(seeded.Count > 0 || ef.Count == 0 || notSeeded, $"{table}.{column}: no seeded value to compare");
                if (ef.Count > 0 && seeded.Count > 0)
                {
                    Assert.True(seeded.IsSubsetOf(ef), $"{table}.{column}: seeded {string.Join(",", seeded)} but EF wrote {string.Join(",", ef)}");
                    compared.Add($"{table}.{column}");
                }
            }
        }

        Assert.Contains("Tickets.ReportedAt", compared);
        Assert.Contains("Tickets.ClosedAt", compared);
        Assert.Contains("Tickets.AssigneeId", compared);
        Assert.Contains("Tickets.SuggestedCause", compared);
        Assert.Contains("Tickets.ConfirmedAt", compared);
        Assert.Contains("Tickets.ConfirmedScenarioConfidence", compared);
        Assert.Contains("Tickets.ResolutionSeconds", compared);
        Assert.Contains("Tickets.DiagnosisSeconds", compared);
        Assert.Contains("Tickets.DiagnosedCause", compared);
        Assert.Contains("Clients.PkpSince", compared);
        Assert.Contains("TimelineEntries.At", compared);
        foreach (var column in new[] { "SlaFirstResponseDueAt", "SlaFirstRespondedAt", "SlaFirstResponseMet", "SlaFirstResponseUsedSeconds", "SlaResolutionTargetMinutes", "SlaResolvedAt", "SlaResolutionMet", "SlaResolutionUsedSeconds" })
        {
            Assert.Contains("Tickets." + column, compared);
        }

        foreach (var column in new[] { "At", "Outcome", "Documents", "CertificateIssuedOn", "AssigneeId", "Version" })
        {
            Assert.Contains("KppVisits." + column, compared);
        }

        Assert.True(compared.Count >= 45, $"compared only {compared.Count} columns");
    }

    [Fact]
    public async Task ShouldGiveDemoTicketsConsistentSlaClocksAndRenewalVisits()
    {
        await using var app = await TestApp.StartAsync();
        await Seeder(app).SeedAsync(new DemoSeedOptions(Clients: 100, Tickets: 3000, Seed: 3));

        var tickets = await app.QueryDbAsync(db => db.Tickets.AsNoTracking().Select(t => new
        {
            t.Status,
            t.Priority,
            t.CreatedAt,
            t.ResolvedAt,
            t.SlaFirstResponseTargetMinutes,
            t.SlaFirstResponseDueAt,
            t.SlaFirstRespondedAt,
            t.SlaFirstResponseMet,
            t.SlaFirstResponseUsedSeconds,
            t.SlaResolutionTargetMinutes,
            t.SlaResolutionDueAt,
            t.SlaResolutionPausedAt,
            t.SlaResolutionUsedSeconds,
            t.SlaResolvedAt,
            t.SlaResolutionMet,
        }).ToListAsync());
        var rules = MsmHelpdesk.Domain.Sla.SlaRules.Default;
        Assert.All(tickets, t =>
        {
            var target = rules.For(t.Priority);
            Assert.Equal((int)target.FirstResponse.TotalMinutes, t.SlaFirstResponseTargetMinutes);
            Assert.Equal((int)target.Resolution.TotalMinutes, t.SlaResolutionTargetMinutes);
            Assert.Equal(rules.Calendar.AddWorkingTime(t.CreatedAt, target.FirstResponse), t.SlaFirstResponseDueAt);
            Assert.Equal(t.Status == TicketStatus.New, t.SlaFirstRespondedAt is null);
            if (t.SlaFirstRespondedAt is { } responded)
            {
                Assert.Equal(responded <= t.SlaFirstResponseDueAt, t.SlaFirstResponseMet);
                Assert.Equal(t.SlaFirstResponseMet, t.SlaFirstResponseUsedSeconds <= t.SlaFirstResponseTargetMinutes * 60);
            }

            Assert.Equal(t.ResolvedAt, t.SlaResolvedAt);
            if (t.SlaResolvedAt is not null)
            {
                // Met ⇔ business time used ≤ target; a breached clock keeps its due instant.
                Assert.Equal(t.SlaResolutionMet, t.SlaResolutionUsedSeconds <= t.SlaResolutionTargetMinutes * 60);
                Assert.Equal(t.SlaResolutionMet == false, t.SlaResolutionDueAt is not null);
            }
            else
            {
                // Open: running (due set) or paused while waiting (due cleared, time used kept).
                Assert.Null(t.SlaResolutionMet);
                Assert.True(t.SlaResolutionDueAt is not null ^ t.SlaResolutionPausedAt is not null);
                Assert.Equal(t.SlaResolutionPausedAt is not null, t.SlaResolutionUsedSeconds is not null);
                Assert.True(t.SlaResolutionPausedAt is null || t.Status is TicketStatus.WaitingOnClient or TicketStatus.WaitingOnKpp);
            }
        });
        var resolved = tickets.Where(t => t.SlaResolutionMet is not null).ToList();
        Assert.InRange(resolved.Count(t => t.SlaResolutionMet == true) / (double)resolved.Count, 0.5, 0.98);

        var visits = await app.QueryDbAsync(db => db.KppVisits.AsNoTracking()
            .Join(db.Tickets, v => v.TicketId, t => t.Id, (v, t) => new { Visit = v, t.ClientId, t.Status, t.DiagnosedCause, t.ResolvedAt })
            .ToListAsync());
        var officers = await app.QueryDbAsync(db => db.Clients.AsNoTracking().Select(c => new { c.Id, c.Kpp, Officers = c.Officers.Select(o => o.Name).ToList() })
            .ToDictionaryAsync(c => c.Id));
        Assert.InRange(visits.Count, 20, 3000);
        Assert.All(visits, v =>
        {
            Assert.Equal(v.ClientId, v.Visit.ClientId);
            Assert.Contains(v.Visit.OfficerName, officers[v.ClientId].Officers);
            Assert.Equal(officers[v.ClientId].Kpp, v.Visit.Kpp);
            Assert.Equal(v.Visit.Outcome == KppVisitOutcome.CertificateIssued, v.Visit.CertificateIssuedOn is not null);
            Assert.True(v.Visit.Outcome != KppVisitOutcome.Scheduled || v.ResolvedAt is null, "a resolved ticket has no visit still planned");
            Assert.True(v.ResolvedAt is null || v.Visit.At <= v.ResolvedAt, "visits come before the resolution");
        });
        var outcomes = visits.GroupBy(v => v.Visit.Outcome).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(outcomes[KppVisitOutcome.CertificateIssued] > visits.Count / 2, string.Join(", ", outcomes));
        Assert.Contains(KppVisitOutcome.Scheduled, outcomes.Keys);
        Assert.Contains(KppVisitOutcome.Refused, outcomes.Keys);
        Assert.Contains(KppVisitOutcome.Rescheduled, outcomes.Keys);
        Assert.All(visits.Where(v => v.Visit.RescheduledFromId is not null), v =>
            Assert.Equal(KppVisitOutcome.Rescheduled, visits.Single(other => other.Visit.Id == v.Visit.RescheduledFromId).Visit.Outcome));
    }

    [Fact]
    public async Task ShouldGiveEveryDemoClientAValidNpwpAndRealisticDates()
    {
        await using var app = await TestApp.StartAsync();

        await Seeder(app).SeedAsync(new DemoSeedOptions(Clients: 200, Tickets: 0, Seed: 5));

        var clients = (await app.SendAsync(Admin, new ListClientsQuery { PageSize = 200 })).Value;
        Assert.Equal(200, clients.TotalCount);
        var stored = await app.QueryDbAsync(db => db.Clients.Include(c => c.Contacts).Include(c => c.Officers).ToListAsync());
        Assert.All(stored, client =>
        {
            Assert.Equal(client.Npwp, Npwp.Parse(Npwp.Format(client.Npwp)).Npwp?.Value);
            Assert.True(client.Nitku is null || client.Nitku == client.Npwp + "000000");
            Assert.StartsWith("KPP ", client.Kpp, StringComparison.Ordinal);
            Assert.NotEmpty(client.Contacts);
            Assert.Contains(client.Officers, officer => officer.Position == "Direktur Utama");
        });
        Assert.Equal(200, stored.Select(client => client.Name).Distinct().Count());
        Assert.All(stored.SelectMany(client => client.Contacts).Where(contact => contact.Phone is not null), contact => Assert.Matches("^628[0-9]{8,11}$", contact.Phone!));
        var states = clients.Items.Select(row => row.CertificateState).ToHashSet();
        Assert.Superset(new HashSet<CertificateState> { CertificateState.Expired, CertificateState.ExpiringSoon, CertificateState.Valid }, states);
        Assert.Contains(stored, client => client.Contacts.Any(contact => stored.Count(other => other.Contacts.Any(c => c.Id == contact.Id)) > 1));
    }

    [Fact]
    public async Task ShouldGiveTheSameDataForTheSameSeed()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
        await using var first = await TestApp.StartAsync();
        await using var second = await TestApp.StartAsync();
        await using var other = await TestApp.StartAsync();

        await Seeder(first, clock).SeedAsync(new DemoSeedOptions(10, 100, Seed: 7));
        await Seeder(second, clock).SeedAsync(new DemoSeedOptions(10, 100, Seed: 7));
        await Seeder(other, clock).SeedAsync(new DemoSeedOptions(10, 100, Seed: 8));

        static Task<List<string>> Snapshot(TestApp app) => app.QueryDbAsync(async db =>
        {
            var npwps = await db.Clients.ToDictionaryAsync(client => client.Id, client => client.Name + client.Npwp);
            var tickets = await db.Tickets.OrderBy(t => t.Number).ToListAsync();
            return tickets.Select(t => $"{t.Id} {t.Number} {t.ErrorText} {t.Status} {t.ReportedAt:O} {npwps[t.ClientId]} {t.Description}").ToList();
        });
        Assert.Equal(await Snapshot(first), await Snapshot(second));
        Assert.NotEqual(await Snapshot(first), await Snapshot(other));
    }

    [Fact]
    public async Task ShouldWriteTheSameRowsThroughThePortablePathAsThroughNativeSqlite()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
        await using var native = await TestApp.StartAsync();
        await using var portable = await TestApp.StartAsync();

        await Seeder(native, clock).SeedAsync(new DemoSeedOptions(15, 300, Seed: 9));
        await Seeder(portable, clock).SeedAsync(new DemoSeedOptions(15, 300, Seed: 9, Portable: true));

        foreach (var table in new[] { "Clients", "Contacts", "ClientContacts", "ClientOfficers", "Tickets", "TimelineEntries", "TicketSequences" })
        {
            var rows = await DumpAsync(native, table);
            Assert.NotEmpty(rows);
            Assert.Equal(rows, await DumpAsync(portable, table));
        }
    }

    [Fact]
    public async Task ShouldRefuseToSeedADatabaseWithTicketsUnlessAppending()
    {
        await using var app = await TestApp.StartAsync();
        await Seeder(app).SeedAsync(new DemoSeedOptions(5, 50));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Seeder(app).SeedAsync(new DemoSeedOptions(5, 50)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Seeder(app).SeedAsync(new DemoSeedOptions(0, 50, Seed: 2, Append: true)));
        await Seeder(app).SeedAsync(new DemoSeedOptions(3, 50, Seed: 2, Append: true));

        // Appending brings its own clients: the five first ones and three more.
        Assert.Equal(100, await Seeder(app).CountTicketsAsync());
        Assert.Equal(8, await app.QueryDbAsync(db => db.Clients.CountAsync()));
    }

    /// <summary>Every row of a table as stored: each value with its SQLite type.</summary>
    private static async Task<List<string>> DumpAsync(TestApp app, string table)
    {
        await using var connection = new SqliteConnection(await app.QueryDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!)));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                byte[] bytes => "blob:" + Convert.ToHexString(bytes),
                var value => $"{value.GetType().Name}:{value}",
            })));
        }

        return rows;
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    /// <summary>How each stored value looks: its SQLite type, and for text whether it is an upper-case Guid, a date, or other text.</summary>
    private static async Task<HashSet<string>> ShapesAsync(SqliteConnection connection, string table, string column, string where)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT typeof(\"{column}\"), \"{column}\" FROM \"{table}\" WHERE ({where}) AND \"{column}\" IS NOT NULL";
        var shapes = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var type = reader.GetString(0);
            var text = type == "text" ? reader.GetString(1) : null;
            shapes.Add(text switch
            {
                null => type,
                _ when UpperGuid().IsMatch(text) => "text:GUID",
                _ when Guid.TryParse(text, out _) => "text:guid",
                _ when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "text:date",
                _ => "text",
            });
        }

        return shapes;
    }

    [GeneratedRegex("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")]
    private static partial Regex UpperGuid();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
