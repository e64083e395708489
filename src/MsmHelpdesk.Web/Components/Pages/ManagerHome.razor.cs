using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Features.Home;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Web.Components.Pages.Tickets;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages;

/// <summary>The manager's home: today's backlog, SLA, weekly flow, visits, error codes and workload, each figure a link to the list.</summary>
public sealed partial class ManagerHome
{
    private ManagerOverview? overview;
    private string? failure;

    [Inject]
    private ISender Sender { get; set; } = default!;

    private int Unassigned => overview?.Holders.FirstOrDefault(h => h.AssigneeId is null)?.Count ?? 0;

    private List<ChartSeries<double>> StatusSeries => One(L["Overview.Open"], overview!.OpenByStatus.Select(s => s.Count));

    private string[] StatusLabels => overview!.OpenByStatus.Select(s => L[$"Status.{s.Status}"].Value).ToArray();

    private List<ChartSeries<double>> AgeSeries => One(L["Overview.Open"], overview!.OpenByAge.Select(a => a.Count));

    private string[] AgeLabels => overview!.OpenByAge.Select(AgeLabel).ToArray();

    private List<ChartSeries<double>> WeekSeries =>
    [
        new() { Name = L["Overview.New"], Data = new ChartData<double>(overview!.Week.Select(d => (double)d.New).ToArray()) },
        new() { Name = L["Overview.Resolved"], Data = new ChartData<double>(overview!.Week.Select(d => (double)d.Resolved).ToArray()) },
    ];

    private string[] WeekLabels => overview!.Week.Select(d => d.Day.ToString("ddd", CultureInfo.CurrentCulture)).ToArray();

    private List<ChartSeries<double>> CodeSeries => One(L["Overview.Tickets"], overview!.TopErrorCodes.Select(c => c.Count));

    private string[] CodeLabels => overview!.TopErrorCodes.Select(c => c.Code).ToArray();

    private List<ChartSeries<double>> HolderSeries => One(L["Overview.Open"], overview!.Holders.Select(h => h.Count));

    private string[] HolderLabels => overview!.Holders.Select(HolderName).ToArray();

    protected override async Task OnInitializedAsync()
    {
        var result = await Sender.Send(new GetManagerOverviewQuery());
        if (result.IsSuccess)
        {
            overview = result.Value;
        }
        else
        {
            failure = result.Error.Message;
        }
    }

    private static string Link(TicketListLink link) => link.ToString();

    private static List<ChartSeries<double>> One(string name, IEnumerable<int> values) =>
        [new() { Name = name, Data = new ChartData<double>(values.Select(v => (double)v).ToArray()) }];

    private string AgeLabel(AgeBucket bucket) => bucket switch
    {
        { MinDays: 0, MaxDays: 0 } => L["Overview.Age.Today"],
        { MaxDays: { } max } => L["Overview.Age.Range", bucket.MinDays, max],
        _ => L["Overview.Age.Older", bucket.MinDays],
    };

    private static string DayLabel(DateOnly day) => day.ToString("ddd d MMM", CultureInfo.CurrentCulture);

    private string HolderName(AssigneeLoad load) => load.AssigneeId is null ? L["Ticket.Unassigned"] : load.Name;

    private static string HolderLink(AssigneeLoad load) =>
        load.AssigneeId is { } id ? new TicketListLink { AssigneeId = id } : new TicketListLink { Queue = TicketQueue.Unassigned };
}
