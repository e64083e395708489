using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>When SQL Server searches tickets through the full-text index the migration creates (decision 0181).</summary>
public enum FullTextMode
{
    /// <summary>Ask the server once (Full-Text Search installed and the tickets' index active) and keep the answer.</summary>
    Auto,

    /// <summary>Always CONTAINS (the index is known to exist).</summary>
    On,

    /// <summary>Always LIKE.</summary>
    Off,
}

/// <summary>
/// SQL Server's full-text search over tickets: <c>CONTAINS</c> with a prefix phrase of the term's words. Whether the
/// index is there is asked once per process (start-up warms it) and kept; SQLite and an instance without Full-Text
/// Search get null, so the search takes its other paths.
/// </summary>
public sealed class SqlServerTicketFullText(DatabaseSettings settings, FullTextMode mode) : ITicketFullText
{
    private const string AvailableSql =
        "SELECT CAST(CASE WHEN FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1 "
        + "AND OBJECTPROPERTY(OBJECT_ID(N'[Tickets]'), 'TableHasActiveFulltextIndex') = 1 THEN 1 ELSE 0 END AS int) AS [Value]";

    private bool? _available;

    public static FullTextMode ModeFrom(IConfiguration configuration)
    {
        var text = configuration[ConfigKeys.SqlServerFullText];
        return string.IsNullOrWhiteSpace(text) ? FullTextMode.Auto
            : Enum.TryParse<FullTextMode>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : throw new InvalidOperationException($"{ConfigKeys.SqlServerFullText} is '{text}'; use Auto, On or Off.");
    }

    public async ValueTask<Expression<Func<Ticket, bool>>?> MatchAsync(IAppDbContext db, string term, IQueryable<Guid> namedClients, CancellationToken cancellationToken)
    {
        if (settings.Provider != DatabaseProvider.SqlServer || ContainsCondition(term) is not { } condition
            || !await IsAvailableAsync((HelpdeskDbContext)db, cancellationToken))
        {
            return null;
        }

        return t => EF.Functions.Contains(t.Number, condition)
            || EF.Functions.Contains(t.ErrorText, condition)
            || (t.Description != null && EF.Functions.Contains(t.Description, condition))
            || namedClients.Contains(t.ClientId);
    }

    /// <summary>Asks the server (once; later calls answer from memory). Start-up calls it so the first search does not.</summary>
    public async ValueTask<bool> IsAvailableAsync(HelpdeskDbContext db, CancellationToken cancellationToken)
    {
        if (_available is { } known)
        {
            return known;
        }

        var available = mode switch
        {
            FullTextMode.On => true,
            FullTextMode.Off => false,
            _ => settings.Provider == DatabaseProvider.SqlServer
                && (await db.Database.SqlQueryRaw<int>(AvailableSql).ToListAsync(cancellationToken)).SingleOrDefault() == 1,
        };
        _available = available;
        return available;
    }

    /// <summary>
    /// The term as a CONTAINS condition: its words (letters and digits; everything else separates, so no quote or
    /// operator of the term reaches the condition) as one phrase whose words each match as a prefix, e.g.
    /// "efaktur gagal" → <c>"efaktur* gagal*"</c>. Null when the term has no word.
    /// </summary>
    public static string? ContainsCondition(string term)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= term.Length; i++)
        {
            var letter = i < term.Length && char.IsLetterOrDigit(term[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words.Add(term[start..i] + "*");
                start = -1;
            }
        }

        return words.Count == 0 ? null : "\"" + string.Join(' ', words) + "\"";
    }
}
