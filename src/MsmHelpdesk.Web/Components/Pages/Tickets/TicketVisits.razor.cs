using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Components;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Application.Features.Visits;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Web.Components.Shared;
using MsmHelpdesk.Web.Resources;
using MudBlazor;

namespace MsmHelpdesk.Web.Components.Pages.Tickets;

public partial class TicketVisits
{
    private static readonly KppVisitOutcome[] Outcomes =
        [KppVisitOutcome.CertificateIssued, KppVisitOutcome.Refused, KppVisitOutcome.Rescheduled, KppVisitOutcome.Cancelled];

    private readonly FormErrors errors = new();
    private ScheduleKppVisitCommand? scheduling;
    private PrepareKppVisitCommand? preparing;
    private RecordKppVisitOutcomeCommand? outcome;

    /// <summary>The ticket's consultant, proposed for a new visit.</summary>
    [Parameter]
    public string? TicketAssigneeId { get; set; }


    private void StartScheduling()
    {
        errors.Clear();
        preparing = null;
        outcome = null;
        scheduling = new ScheduleKppVisitCommand
        {
            TicketId = TicketId,
            OfficerName = Work!.Officers.Count == 1 ? Work.Officers[0] : "",
            AssigneeId = TicketAssigneeId,
            Time = new TimeOnly(9, 0),
        };
    }

    private void StartPreparing(VisitItem visit)
    {
        errors.Clear();
        scheduling = null;
        outcome = null;
        preparing = new PrepareKppVisitCommand { VisitId = visit.Id, OfficerName = visit.OfficerName, AssigneeId = visit.AssigneeId, Documents = visit.Documents, Notes = visit.Notes };
    }

    private void StartOutcome(VisitItem visit)
    {
        errors.Clear();
        scheduling = null;
        preparing = null;
        outcome = new RecordKppVisitOutcomeCommand { VisitId = visit.Id, Outcome = KppVisitOutcome.CertificateIssued };
    }

    /// <summary>Sends a change to the visits; afterwards reloads them and tells the page.</summary>
    private async Task<bool> ChangeAsync<T>(ICommand<T> command) where T : Result
    {
        if (!(await SendAsync(command, errors)).IsSuccess)
        {
            return false;
        }

        await LoadAsync();
        await OnChanged.InvokeAsync();
        return true;
    }

    private async Task ScheduleAsync()
    {
        if (scheduling is not null && await ChangeAsync(scheduling))
        {
            scheduling = null;
        }
    }

    private async Task PrepareAsync()
    {
        if (preparing is not null && await ChangeAsync(preparing))
        {
            preparing = null;
        }
    }

    private async Task RecordOutcomeAsync()
    {
        if (outcome is not null && await ChangeAsync(outcome))
        {
            outcome = null;
        }
    }

    private static Color OutcomeColor(KppVisitOutcome outcome) => outcome switch
    {
        KppVisitOutcome.CertificateIssued => Color.Success,
        KppVisitOutcome.Refused => Color.Error,
        KppVisitOutcome.Scheduled => Color.Info,
        _ => Color.Default,
    };

    private string DocumentNames(KppDocuments documents) =>
        string.Join(", ", Enum.GetValues<KppDocuments>().Where(d => d != KppDocuments.None && documents.HasFlag(d)).Select(d => L[$"VisitDoc.{d}"].Value));

    /// <summary>A reminder for the client's contact, always in Indonesian: when (WIB), where, who must come, what to bring.</summary>
    private string WhatsAppLink(string phone, VisitItem visit)
    {
        var indonesian = new CultureInfo("id-ID");
        var when = Wib.ToWib(visit.At).ToString("dddd, d MMMM yyyy, 'pukul' HH.mm", indonesian) + " WIB";
        var documents = string.Join(", ", Enum.GetValues<KppDocuments>()
            .Where(d => d is not (KppDocuments.None or KppDocuments.NewPassphraseChosen))
            .Select(d => UiTextIndonesian.Get($"VisitDoc.{d}")));
        return PhoneNumber.WhatsAppLink(phone, UiTextIndonesian.Format("Visits.WhatsAppMessage",
            Work!.ContactName ?? "", when, visit.Kpp, visit.OfficerName, documents, Work.ClientName));
    }
}
