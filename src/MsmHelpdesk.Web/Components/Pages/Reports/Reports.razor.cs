using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Reports;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
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

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    // The filter lives in the URL. These parameters are read through ReportLinks.Parse below; declaring them makes
    // Blazor run OnParametersSetAsync again when only the query string changes (same page, new filter).
    [SupplyParameterFromQuery(Name = "from")] public string? FromKey { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToKey { get; set; }
    [SupplyParameterFromQuery(Name = "consultant")] public string? ConsultantKey { get; set; }
    [SupplyParameterFromQuery(Name = "client")] public string? ClientKey { get; set; }
    [SupplyParameterFromQuery(Name = "kpp")] public string? KppKey { get; set; }
    [SupplyParameterFromQuery(Name = "code")] public string? CodeKey { get; set; }
    [SupplyParameterFromQuery(Name = "channel")] public string? ChannelKey { get; set; }

    private (DateOnly From, DateOnly To, DateTimeOffset GeneratedAt)? range;
    private ReportFilter? sectionFilter;
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
        error = null;
        sectionFilter = null;
        range = null;
        var validation = await new ReportFilterValidator().ValidateAsync(filter);
        if (!validation.IsValid)
        {
            error = string.Join(" ", validation.Errors.Select(e => e.ErrorMessage));
            return;
        }

        // The sections below load themselves; the page only says which days they cover.
        var now = Clock.GetUtcNow();
        var (first, last) = filter.Days(DateOnly.FromDateTime(Wib.ToWib(now).DateTime));
        range = (first, last, now);
        sectionFilter = filter;
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
}
