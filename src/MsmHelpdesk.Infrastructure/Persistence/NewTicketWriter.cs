using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Infrastructure.DemoData;
using MsmHelpdesk.Infrastructure.Persistence.ReportTotals;

namespace MsmHelpdesk.Infrastructure.Persistence;

/// <summary>
/// Writes a new ticket, its timeline and its report totals in one SQLite command, without change tracking (decision 0168):
/// EF's SaveChanges spent more CPU building the ticket's ~70-column insert than SQLite spent running it. Tables, columns
/// and value conversions come from the EF model, as <see cref="BulkInserter"/> takes them, so the mapping has one source
/// of truth; the command goes through EF's raw-SQL command (interceptors and the command log see it). A test compares
/// the rows with those EF's own save writes for the same ticket.
/// </summary>
internal sealed class NewTicketWriter
{
    private static readonly ConditionalWeakTable<IModel, NewTicketWriter> Writers = [];

    private readonly Column[] _ticketColumns;
    private readonly Column[] _timelineColumns;
    private readonly PropertyInfo _timelineId;
    private readonly string _ticketInsert;
    private readonly string _timelineInsert;
    private readonly string _timelineKeyColumn;
    private readonly TallyInsert _tallies;
    private readonly Dictionary<(int Timeline, int Tallies), string> _sql = [];

    private NewTicketWriter(DbContext context)
    {
        var ticket = context.Model.FindEntityType(typeof(Ticket))!;
        _ticketColumns = ColumnsOf(ticket);
        var timeline = context.Model.FindEntityType(typeof(TimelineEntry))!;
        var timelineKey = timeline.FindPrimaryKey()!.Properties.Single();
        _timelineId = timelineKey.PropertyInfo ?? throw new InvalidOperationException("TimelineEntry.Id has no CLR property.");
        _timelineColumns = ColumnsOf(timeline).Where(column => column.Property != timelineKey).ToArray();
        _ticketInsert = BulkInserter.InsertPrefix(context, ticket, [.. _ticketColumns.Select(c => c.Property)]);
        _timelineInsert = BulkInserter.InsertPrefix(context, timeline, [.. _timelineColumns.Select(c => c.Property)]);
        _tallies = TallyInsert.Of(context);
        _timelineKeyColumn = context.GetService<ISqlGenerationHelper>().DelimitIdentifier(timelineKey.GetColumnName());
    }

    public static NewTicketWriter Of(DbContext context) =>
        Writers.TryGetValue(context.Model, out var writer) ? writer : Writers.GetValue(context.Model, _ => new NewTicketWriter(context));

    /// <summary>
    /// Inserts the ticket, its timeline entries (their generated ids are set on the entries) and its report totals in
    /// the context's current transaction.
    /// </summary>
    public async Task WriteAsync(DbContext context, Ticket ticket, CancellationToken cancellationToken)
    {
        if (context.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A new ticket is written inside the caller's transaction (with its number).");
        }

        var entries = ticket.Timeline.ToArray();
        var tallies = Tallies.Difference([], [Tallies.SnapshotOf(ticket)]);
        var values = new List<object?>(_ticketColumns.Length + (entries.Length * _timelineColumns.Length) + (tallies.Count * _tallies.Columns));
        foreach (var column in _ticketColumns)
        {
            values.Add(column.ValueOf(ticket));
        }

        foreach (var row in tallies)
        {
            values.AddRange(_tallies.ValuesOf(row).Select(Stored));
        }

        foreach (var entry in entries)
        {
            foreach (var column in _timelineColumns)
            {
                values.Add(column.ValueOf(entry));
            }
        }

        await using var reader = await RawCommand.ReaderAsync(context, SqlFor(entries.Length, tallies.Count), values, cancellationToken);

        // One result per timeline INSERT … RETURNING, in the order of the entries (the statements without rows are skipped).
        var data = reader.DbDataReader;
        for (var i = 0; i < entries.Length; i++)
        {
            if ((i > 0 && !await data.NextResultAsync(cancellationToken)) || !await data.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException("The timeline insert returned no id.");
            }

            _timelineId.SetValue(entries[i], data.GetInt64(0));
        }
    }

    /// <summary>The command's text for this many timeline entries and totals rows, in EF's raw-SQL placeholders; made once per shape.</summary>
    private string SqlFor(int timeline, int tallies)
    {
        lock (_sql)
        {
            if (_sql.TryGetValue((timeline, tallies), out var known))
            {
                return known;
            }
        }

        var text = new StringBuilder();
        var next = 0;
        text.Append(_ticketInsert).Append(BulkInserter.Placeholders(ref next, _ticketColumns.Length)).Append(";\n");
        if (tallies > 0)
        {
            text.Append(_tallies.Text(tallies, next)).Append(";\n");
            next += tallies * _tallies.Columns;
        }

        // One statement per entry: SQLite does not promise RETURNING's order for a multi-row INSERT.
        for (var row = 0; row < timeline; row++)
        {
            text.Append(_timelineInsert).Append(BulkInserter.Placeholders(ref next, _timelineColumns.Length)).Append(" RETURNING ").Append(_timelineKeyColumn).Append(";\n");
        }

        var sql = text.ToString();
        lock (_sql)
        {
            _sql[(timeline, tallies)] = sql;
        }

        return sql;
    }

    /// <summary>
    /// Every column of the entity's table: its own properties and those of the types it owns in the same table (the
    /// diagnoses), whose key is the owner's.
    /// </summary>
    private static Column[] ColumnsOf(IEntityType entity)
    {
        var columns = new List<Column>();
        foreach (var property in entity.GetProperties())
        {
            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"{entity.DisplayName()}.{property.Name} is a shadow property: the raw insert cannot read it.");
            }

            var getter = property.GetGetter();
            columns.Add(new Column(property, owner => getter.GetClrValueUsingContainingEntity(owner), ToProvider(property)));
        }

        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && n.ForeignKey.IsOwnership && !n.IsCollection))
        {
            var owned = navigation.TargetEntityType;
            if (owned.GetTableName() != entity.GetTableName())
            {
                throw new InvalidOperationException($"{owned.DisplayName()} is not stored in {entity.GetTableName()}.");
            }

            var navigate = navigation.GetGetter();
            var key = owned.FindPrimaryKey()!.Properties;
            foreach (var property in owned.GetProperties().Where(p => !key.Contains(p)))
            {
                var getter = property.GetGetter();
                columns.Add(new Column(
                    property,
                    owner => navigate.GetClrValueUsingContainingEntity(owner) is { } value ? getter.GetClrValueUsingContainingEntity(value) : null,
                    ToProvider(property)));
            }
        }

        return [.. columns];
    }

    private static Func<object?, object?> ToProvider(IProperty property) =>
        property.GetRelationalTypeMapping().Converter is { } converter ? value => value is null ? null : converter.ConvertToProvider(value) : value => value;

    /// <summary>Values as Microsoft.Data.Sqlite stores them for EF's SQLite mappings (Guids as upper-case text, dates as ISO text).</summary>
    private static object? Stored(object? value) => value switch
    {
        Guid id => id.ToString().ToUpperInvariant(),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? 1L : 0L,
        _ => value,
    };

    private sealed record Column(IProperty Property, Func<object, object?> Read, Func<object?, object?> Convert)
    {
        public object? ValueOf(object owner) => Stored(Convert(Read(owner)));
    }
}
