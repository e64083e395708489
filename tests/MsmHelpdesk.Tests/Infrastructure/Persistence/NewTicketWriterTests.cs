using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Sla;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Infrastructure.Persistence;

/// <summary>
/// A new ticket written by the raw SQLite path (decision 0168) is stored exactly as EF's own save stores it: the same
/// columns with the same values and storage classes, the same timeline and the same report totals.
/// </summary>
public sealed class NewTicketWriterTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 11, 2, 9, 15, 30, 123, TimeSpan.FromHours(7)).ToUniversalTime();

    [Fact]
    public async Task ShouldStoreTheSameRowsAsEfCoresSave()
    {
        await using var app = await TestApp.StartAsync();
        var consultant = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, consultant);
        var databases = app.Services.GetRequiredService<IAppDbContextFactory>();
        var actor = new Actor(consultant.UserId!, "Budi");

        var byEf = Build("MSM-2026-000101", client, actor);
        await using (var db = await databases.CreateAsync())
        {
            await using var transaction = await db.BeginTransactionAsync(CancellationToken.None);
            db.Tickets.Add(byEf);
            await db.SaveChangesAsync();
            await transaction.CommitAsync(CancellationToken.None);
        }

        var totalsByEf = await TalliesAsync(app);
        var byRaw = Build("MSM-2026-000102", client, actor);
        await using (var db = await databases.CreateAsync())
        {
            await using var transaction = await db.BeginTransactionAsync(CancellationToken.None);
            await db.AddNewTicketAsync(byRaw, CancellationToken.None);
            Assert.Equal(0, await db.SaveChangesAsync());
            await transaction.CommitAsync(CancellationToken.None);
        }

        var ticketColumns = await RowsAsync(app, "SELECT * FROM Tickets WHERE Id = $id", byEf.Id, byRaw.Id, "Id", "Number");
        Assert.Equal(ticketColumns.Ef, ticketColumns.Raw);
        Assert.Contains(ticketColumns.Ef, value => value.Contains("SuggestedEvidence", StringComparison.Ordinal));
        var timeline = await RowsAsync(app, "SELECT * FROM TimelineEntries WHERE TicketId = $id ORDER BY Id", byEf.Id, byRaw.Id, "Id", "TicketId");
        Assert.Equal(timeline.Ef, timeline.Raw);
        Assert.True(byRaw.Timeline.Count >= 2, "the ticket should have more than its Created entry");

        // The raw path hands the generated ids back to the entries, in their order.
        var ids = await app.QueryDbAsync(db => db.TimelineEntries.Where(e => e.TicketId == byRaw.Id).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        Assert.Equal(ids, byRaw.Timeline.Select(e => e.Id).ToList());

        // The totals rows the second ticket added equal those the first one's save added.
        var totals = await TalliesAsync(app);
        Assert.NotEmpty(totalsByEf);
        Assert.Equal(totalsByEf, totals.Skip(totalsByEf.Count).ToList());
    }

    [Fact]
    public async Task ShouldRefuseToWriteOutsideATransaction()
    {
        await using var app = await TestApp.StartAsync();
        var consultant = await Seed.ConsultantAsync(app);
        var client = await Seed.ClientAsync(app, consultant);
        await using var db = await app.Services.GetRequiredService<IAppDbContextFactory>().CreateAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.AddNewTicketAsync(Build("MSM-2026-000103", client, new Actor(consultant.UserId!, "Budi")), CancellationToken.None));
    }

    /// <summary>A ticket with every kind of column filled: a contact-less client ticket, a suggestion, an assignee and a raised priority.</summary>
    private static Ticket Build(string number, Guid client, Actor actor)
    {
        var fields = new TicketFields(null, TicketChannel.WhatsApp, "ETAX-40002: Error di Service", "upload faktur", "4.1.0", "Gagal upload sejak pagi", TicketPriority.Normal, At);
        var ticket = Ticket.Open(number, client, fields, actor, At, SlaRules.Default);
        ticket.RecordSuggestion(new TicketDiagnosis("efaktur-desktop", 0.8125, "certificate-expired", 0.6, "cat-7/model-3", "[{\"points\":\"+2\"}]", At));
        ticket.RaiseForDeadline("SPT Masa PPN jatuh tempo 15 Nov", actor, At, SlaRules.Default);
        ticket.AssignTo(actor.Id, actor, At);
        return ticket;
    }

    /// <summary>Each row as "column=typeof:quote(value)" lines, without the named columns, for the two tickets.</summary>
    private static async Task<(List<string> Ef, List<string> Raw)> RowsAsync(TestApp app, string sql, Guid ef, Guid raw, params string[] skip)
    {
        return (await ReadAsync(ef), await ReadAsync(raw));

        Task<List<string>> ReadAsync(Guid id) => app.QueryDbAsync(async db =>
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!skip.Contains(reader.GetName(i)))
                    {
                        rows.Add($"{reader.GetName(i)}={reader.GetFieldType(i).Name}:{(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}");
                    }
                }
            }

            Assert.NotEmpty(rows);
            return rows;
        });
    }

    private static Task<List<string>> TalliesAsync(TestApp app) => app.QueryDbAsync(db => db.ReportTallies.OrderBy(t => t.Id)
        .Select(t => $"{t.Kind}|{t.Month}|{t.Day}|{t.ErrorCode}|{t.Channel}|{t.AssigneeId}|{t.Key}|{t.Key2}|{t.Number}|{t.Tickets}|{t.Open}|{t.Confirmed}").ToListAsync());
}
