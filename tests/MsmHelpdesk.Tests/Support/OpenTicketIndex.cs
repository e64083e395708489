using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Tests.Support;

/// <summary>The SQLite index of open tickets (migration List7, decision 0176) against the tickets themselves.</summary>
public static class OpenTicketIndex
{
    /// <summary>
    /// Every open ticket exactly once, with its current text (as stored), under the key its key row gives it; no other ticket, no
    /// key row without its entry, each key row with its ticket's report time (migration List10) and keys in report order
    /// (OpenSearchKeysInReportOrder).
    /// </summary>
    public static async Task AssertHoldsExactlyTheOpenTicketsAsync(TestApp app)
    {
        var open = TicketWorkflow.Open.ToArray();
        var expected = (await app.QueryDbAsync(db => db.Tickets.AsNoTracking().Where(t => open.Contains(t.Status))
                .Select(t => new { t.Id, t.Number, t.ErrorText, t.Description }).ToListAsync()))
            .Select(t => (t.Id, IndexedText($"{t.Number} {t.ErrorText} {t.Description}"))).Order().ToArray();
        var entries = await app.QueryDbAsync(db => db.Database.SqlQueryRaw<Entry>(
                "SELECT s.TicketId AS TicketId, s.Content AS Content FROM OpenTicketSearch AS s JOIN OpenTicketSearchKeys AS k ON k.Key = s.rowid AND k.TicketId = s.TicketId")
            .ToListAsync());
        var indexed = await app.QueryDbAsync(db => db.Database.SqlQueryRaw<long>("SELECT count(*) AS Value FROM OpenTicketSearch").SingleAsync());
        var keys = await app.QueryDbAsync(db => db.Database.SqlQueryRaw<long>("SELECT count(*) AS Value FROM OpenTicketSearchKeys").SingleAsync());
        var reportTimesWrong = await app.QueryDbAsync(db => db.Database.SqlQueryRaw<long>(
                "SELECT count(*) AS Value FROM OpenTicketSearchKeys AS k LEFT JOIN Tickets AS t ON t.Id = k.TicketId WHERE t.ReportedAt IS NOT k.ReportedAt")
            .SingleAsync());

        // Keys in report order (decision 0209): each key is its report time negated or up to 2,047 above (equal report
        // times), and no key of an older report time comes before a newer one.
        var keysAway = await app.QueryDbAsync(db => db.Database.SqlQueryRaw<long>(
                "SELECT count(*) AS Value FROM OpenTicketSearchKeys WHERE Key < -ReportedAt OR Key >= -ReportedAt + 2048")
            .SingleAsync());
        var keysOutOfOrder = await app.QueryDbAsync(db => db.Database.SqlQueryRaw<long>(
                "SELECT count(*) AS Value FROM (SELECT ReportedAt, lag(ReportedAt) OVER (ORDER BY Key) AS Previous FROM OpenTicketSearchKeys) WHERE Previous < ReportedAt")
            .SingleAsync());

        Assert.NotEmpty(expected);
        Assert.Equal(expected, entries.Select(entry => (Guid.Parse(entry.TicketId), entry.Content)).Order().ToArray());
        Assert.Equal((expected.Length, expected.Length, 0L, 0L, 0L), (indexed, keys, reportTimesWrong, keysAway, keysOutOfOrder));
    }

    /// <summary>The text as the index stores it: the Kelvin sign and the long s as U+FFFD (migration List9).</summary>
    private static string IndexedText(string text) =>
        text.Replace('\u212A', '\uFFFD').Replace('\u017F', '\uFFFD');

    private sealed class Entry
    {
        public string TicketId { get; init; } = "";

        public string Content { get; init; } = "";
    }
}
