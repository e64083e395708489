using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Reports;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Reports;

/// <summary>
/// One section of the reports page. It loads itself (its own query, so its own DbContext) once the circuit is live,
/// so the sections compute side by side and each appears as soon as it is ready; until then it shows its title and a
/// skeleton. The prerendered page therefore carries the skeletons at once instead of waiting for the slowest section.
/// </summary>
public partial class ReportSectionView
{
    [Inject]
    private ISender Sender { get; set; } = default!;

    /// <summary>The section's name, e.g. "backlog".</summary>
    [Parameter, EditorRequired]
    public string Name { get; set; } = "";

    [Parameter, EditorRequired]
    public ReportFilter Filter { get; set; } = new();

    /// <summary>The filter as a query string (the matrix's drill-down links carry it); also tells a new filter from the old.</summary>
    [Parameter]
    public string Query { get; set; } = "";

    private ReportTable? table;
    private string? error;
    private string? loadedFor;

    protected override async Task OnParametersSetAsync()
    {
        var key = Name + "?" + Query;
        if (!RendererInfo.IsInteractive || key == loadedFor)
        {
            return;
        }

        loadedFor = key;
        (table, error) = (null, null);
        var result = await Sender.Send(new GetReportQuery { Filter = Filter, Sections = [Name] });
        if (loadedFor != key)
        {
            // A newer filter arrived while this one was computing: its answer is the one to show.
            return;
        }

        if (result.IsSuccess)
        {
            table = result.Value.Tables.Single();
        }
        else
        {
            error = result.Error!.FieldErrors.Count > 0 ? string.Join(" ", result.Error.FieldErrors.SelectMany(e => e.Value)) : result.Error.Message;
        }
    }

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    private static string Show(object? value) => value switch
    {
        null => "–",
        double number => number.ToString("N2", CultureInfo.CurrentCulture),
        int number => number.ToString("N0", CultureInfo.CurrentCulture),
        DateOnly date => Day(date),
        _ => value.ToString() ?? "",
    };

    /// <summary>A cell as the reader says it: coded cells in words (<see cref="ReportWords"/>, the same words as the CSV export), numbers and dates in the page's culture.</summary>
    private string Show(ReportColumn column, object? value) => ReportWords.Word(L, column, value) ?? Show(value);

    private string[] Labels(ReportTable shown) => shown.Rows.Select(row => Show(shown.Columns[0], row[0])).ToArray();

    private static List<ChartSeries<double>> Series(ReportTable shown) =>
        shown.Columns.Select((column, index) => (column, index))
            .Where(c => c.column.InChart)
            .Select(c => new ChartSeries<double>
            {
                Name = c.column.Header,
                Data = new ChartData<double>(shown.Rows.Select(row => row[c.index] switch { int i => i, double d => d, _ => 0d }).ToArray()),
            })
            .ToList();
}
