using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Reports;

public partial class Reports
{
    [Inject]
    private ISender Sender { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    // The filter lives in the URL. These parameters are read through ReportLinks.Parse below; declaring them makes
    // Blazor run OnParametersSetAsync again when only the query string changes (same page, new filter).
    [SupplyParameterFromQuery(Name = "from")] public string? FromKey { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToKey { get; set; }
    [SupplyParameterFromQuery(Name = "consultant")] public string? ConsultantKey { get; set; }
    [SupplyParameterFromQuery(Name = "client")] public string? ClientKey { get; set; }
    [SupplyParameterFromQuery(Name = "kpp")] public string? KppKey { get; set; }
    [SupplyParameterFromQuery(Name = "code")] public string? CodeKey { get; set; }
    [SupplyParameterFromQuery(Name = "channel")] public string? ChannelKey { get; set; }

    private ReportResult? report;
    private string? error;
    private string query = "";
    private IReadOnlyList<StaffMember> staff = [];

    private DateTime? from;
    private DateTime? to;
    private string? assigneeId;
    private ClientRow? client;
    private Guid? clientId;
    private string? kpp;
    private string? errorCode;
    private TicketChannel? channel;

    protected override async Task OnInitializedAsync()
    {
        var result = await Sender.Send(new ListStaffQuery());
        staff = result.IsSuccess ? result.Value : [];
    }

    protected override async Task OnParametersSetAsync()
    {
        var uri = Navigation.ToAbsoluteUri(Navigation.Uri);
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
        var filter = ReportLinks.Parse(key => values.TryGetValue(key, out var value) ? value.ToString() : null);
        (from, to) = (filter.From?.ToDateTime(TimeOnly.MinValue), filter.To?.ToDateTime(TimeOnly.MinValue));
        (assigneeId, clientId, kpp, errorCode, channel) = (filter.AssigneeId, filter.ClientId, filter.Kpp, filter.ErrorCode, filter.Channel);
        query = ReportLinks.Query(filter);
        report = null;
        error = null;
        var result = await Sender.Send(new GetReportQuery { Filter = filter });
        if (result.IsSuccess)
        {
            report = result.Value;
        }
        else
        {
            error = result.Error!.FieldErrors.Count > 0 ? string.Join(" ", result.Error.FieldErrors.SelectMany(e => e.Value)) : result.Error.Message;
        }
    }

    private void Apply()
    {
        var filter = new ReportFilter
        {
            From = from is { } f ? DateOnly.FromDateTime(f) : null,
            To = to is { } t ? DateOnly.FromDateTime(t) : null,
            AssigneeId = assigneeId,
            ClientId = client?.Id ?? clientId,
            Kpp = kpp,
            ErrorCode = errorCode,
            Channel = channel,
        };
        var q = ReportLinks.Query(filter);
        Navigation.NavigateTo(q.Length == 0 ? "/reports" : "/reports?" + q);
    }

    private async Task<IEnumerable<ClientRow>> SearchClientsAsync(string text, CancellationToken cancellationToken)
    {
        var result = await Sender.Send(new ListClientsQuery { Search = text, PageSize = 10 }, cancellationToken);
        return result.IsSuccess ? result.Value.Items : [];
    }

    private string ExportLink(string format) => $"/reports/export?format={format}" + (query.Length == 0 ? "" : "&" + query);

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    private static string Show(object? value) => value switch
    {
        null => "–",
        double number => number.ToString("N2", CultureInfo.CurrentCulture),
        int number => number.ToString("N0", CultureInfo.CurrentCulture),
        DateOnly date => Day(date),
        _ => value.ToString() ?? "",
    };

    /// <summary>A cell as the reader says it: coded cells in words (<see cref="ReportWords"/>), numbers and dates in the page's culture.</summary>
    private string Show(ReportColumn column, object? value) => ReportWords.Word(L, column, value) ?? Show(value);

    private string[] Labels(ReportTable table) => table.Rows.Select(row => Show(table.Columns[0], row[0])).ToArray();

    private static List<ChartSeries<double>> Series(ReportTable table) =>
        table.Columns.Select((column, index) => (column, index))
            .Where(c => c.column.InChart)
            .Select(c => new ChartSeries<double>
            {
                Name = c.column.Header,
                Data = new ChartData<double>(table.Rows.Select(row => row[c.index] switch { int i => i, double d => d, _ => 0d }).ToArray()),
            })
            .ToList();
}
