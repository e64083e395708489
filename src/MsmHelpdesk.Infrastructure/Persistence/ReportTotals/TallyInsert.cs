using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MsmHelpdesk.Application.Features.Reports.Totals;
using MsmHelpdesk.Infrastructure.DemoData;

namespace MsmHelpdesk.Infrastructure.Persistence.ReportTotals;

/// <summary>
/// What the model says about the totals table, worked out once per model (each provider has its own) instead of on
/// every save: the INSERT's text for a number of rows, and each row's values converted as the provider stores them.
/// Used by <see cref="ReportTotalsInterceptor"/> and by <see cref="NewTicketWriter"/>, which writes a new ticket's totals
/// in its own command.
/// </summary>
internal sealed class TallyInsert
{
    /// <summary>100 rows are 1,200 parameters: under SQL Server's 2,100.</summary>
    public const int MaxRows = 100;

    private static readonly ConditionalWeakTable<IModel, TallyInsert> Shapes = [];
    private readonly string _prefix;
    private readonly ValueConverter?[] _toProvider;
    private readonly string?[] _sql = new string?[MaxRows + 1];

    private TallyInsert(DbContext context)
    {
        var entity = context.Model.FindEntityType(typeof(ReportTally))!;
        var properties = BulkInserter.PropertiesOf(entity, TallyRows.Properties);
        _toProvider = properties.Select(property => property.GetTypeMapping().Converter).ToArray();
        _prefix = BulkInserter.InsertPrefix(context, entity, properties);
    }

    /// <summary>Columns (and so placeholders) per row.</summary>
    public int Columns => _toProvider.Length;

    public static TallyInsert Of(DbContext context) =>
        Shapes.TryGetValue(context.Model, out var shape) ? shape : Shapes.GetValue(context.Model, _ => new TallyInsert(context));

    /// <summary>The row's values in column order, converted to the provider's values.</summary>
    public IEnumerable<object?> ValuesOf(ReportTally row) =>
        TallyRows.ValuesOf(row).Select((value, i) => _toProvider[i] is { } converter && value is not null ? converter.ConvertToProvider(value) : value);

    /// <summary>"INSERT … VALUES ({0}, …), (…)" for <paramref name="rows"/> rows, in EF's raw-SQL placeholders.</summary>
    public string Sql(int rows) => _sql[rows] ??= Text(rows, 0);

    /// <summary>The same with the placeholders numbered on from <paramref name="next"/> (for a command that holds more).</summary>
    public string Text(int rows, int next) =>
        _prefix + string.Join(", ", Enumerable.Range(0, rows).Select(_ => BulkInserter.Placeholders(ref next, Columns)));
}
