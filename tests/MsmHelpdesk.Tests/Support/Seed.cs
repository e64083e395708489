using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Calendar;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Application.Features.Steps;
using MsmHelpdesk.Application.Features.Tickets;
using MsmHelpdesk.Domain.Tickets;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Tests.Support;

/// <summary>Arrangement helpers that go through the same messages a consultant sends.</summary>
public static class Seed
{
    public const string ValidNpwp = "01.234.567.4-901.000";
    public const string OtherNpwp = "02.123.456.2-011.001";

    public static async Task<UserIdentity> ConsultantAsync(TestApp app, string email = "budi@msm.co.id", string name = "Budi")
    {
        var id = (await app.Identity.CreateUserAsync(new NewUser(email, name, "Konsultan2026", [Roles.Consultant]), CancellationToken.None)).Value;
        return new UserIdentity(id, name, new HashSet<string> { Roles.Consultant });
    }

    public static async Task<Guid> ClientAsync(TestApp app, UserIdentity sender, string name = "PT Maju Jaya", string npwp = ValidNpwp) =>
        (await app.SendAsync(sender, new CreateClientCommand { Name = name, Npwp = npwp, Kpp = "KPP Pratama Jakarta Setiabudi Satu" })).Value;

    public static async Task<TicketCreated> TicketAsync(TestApp app, UserIdentity sender, Guid clientId, string errorText = "ETAX-40002: Error di Service") =>
        (await app.SendAsync(sender, new CreateTicketCommand { ClientId = clientId, ErrorText = errorText, Activity = "upload faktur" })).Value;

    /// <summary>
    /// A tax calendar with no filing deadlines, so no ticket is raised to Urgent because its problem blocks a filing
    /// due soon (decision 0172): for tests whose premise is the plain priority rules, not the calendar.
    /// </summary>
    public static async Task NoTaxDeadlinesAsync(TestApp app)
    {
        var admin = TestCurrentUser.Admin();
        foreach (var deadline in (await app.SendAsync(admin, new GetTaxCalendarQuery())).Value.Deadlines)
        {
            var removed = await app.SendAsync(admin, new DeleteTaxDeadlineCommand { Id = deadline.Id });
            if (!removed.IsSuccess)
            {
                throw new InvalidOperationException($"Deadline '{deadline.Name}' could not be removed: {removed.Error.Message}");
            }
        }
    }

    /// <summary>
    /// Marks every required step still open as done, so the ticket may be resolved; a step that only a fact
    /// finishes (the visit's outcome…) is skipped with a reason, as a consultant would when it happened elsewhere.
    /// </summary>
    public static async Task FinishStepsAsync(TestApp app, UserIdentity sender, Guid ticketId)
    {
        var work = await app.SendAsync(sender, new GetTicketWorkQuery { TicketId = ticketId });
        foreach (var step in work.Value.OpenRequiredSteps)
        {
            var done = await app.SendAsync(sender, step.CompletedByFact is null
                ? new SetTicketStepStatusCommand { TicketId = ticketId, StepId = step.Id, Status = TicketStepStatus.Done }
                : new SetTicketStepStatusCommand { TicketId = ticketId, StepId = step.Id, Status = TicketStepStatus.Skipped, Reason = "terjadi di luar helpdesk" });
            if (!done.IsSuccess)
            {
                throw new InvalidOperationException($"Step '{step.Title}' could not be finished: {done.Error.Message}");
            }
        }
    }
}
