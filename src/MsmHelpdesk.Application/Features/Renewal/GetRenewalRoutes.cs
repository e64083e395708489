using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Domain.Classification;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Notifications;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Renewal;

/// <summary>The renewal routes that fit a ticket's credential and diagnosed cause, best first, each with its steps and whether it is applied.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record GetRenewalRoutesQuery : IQuery<Result<IReadOnlyList<RenewalRouteView>>>
{
    public Guid TicketId { get; init; }
}

public sealed record RenewalRouteView(RenewalRoute Route, string Label, IReadOnlyList<string> Steps, bool Applied);

public sealed class GetRenewalRoutesHandler(IAppDbContextFactory databases) : IQueryHandler<GetRenewalRoutesQuery, Result<IReadOnlyList<RenewalRouteView>>>
{
    public async ValueTask<Result<IReadOnlyList<RenewalRouteView>>> Handle(GetRenewalRoutesQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == query.TicketId)
            .Select(t => new { t.Id, t.DiagnosedScenario, t.DiagnosedCause, t.ErrorText }).SingleOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return TicketStore.NotFound();
        }

        var reminder = await db.CertificateReminders.AsNoTracking().Where(r => r.TicketId == ticket.Id)
            .Select(r => new { r.Credential, r.SignerCredentialId }).FirstOrDefaultAsync(cancellationToken);
        CredentialKind? kind = null;
        if (reminder is { Credential: Credential.Signer } signer)
        {
            var holder = await db.ClientSigners.AsNoTracking()
                .Where(s => s.Credentials.Any(c => c.Id == signer.SignerCredentialId)).FirstOrDefaultAsync(cancellationToken);
            kind = holder?.Credentials.First(c => c.Id == signer.SignerCredentialId).Kind;
        }
        else if (reminder is { Credential: Credential.Coretax })
        {
            kind = CredentialKind.KodeOtorisasi;
        }

        var system = ticket.ErrorText.Contains("coretax", StringComparison.OrdinalIgnoreCase) ? TaxSystem.Coretax : TaxSystem.Unknown;
        var routes = RenewalRoutes.Fitting(kind, reminder is { Credential: Credential.Legacy }, system, ticket.DiagnosedScenario, ticket.DiagnosedCause);
        var keys = routes.Select(RenewalRoutes.StepKey).ToArray();
        var applied = await db.TicketSteps.AsNoTracking().Where(s => s.TicketId == ticket.Id && s.Cause != null && keys.Contains(s.Cause))
            .Select(s => s.Cause!).Distinct().ToListAsync(cancellationToken);
        return routes.Select(route => new RenewalRouteView(route, Label(route), RenewalRoutes.Steps(route), applied.Contains(RenewalRoutes.StepKey(route)))).ToArray();
    }

    public static string Label(RenewalRoute route) => route switch
    {
        RenewalRoute.KppVisit => AppText.RenewalRouteKpp,
        RenewalRoute.CoretaxSelfService => AppText.RenewalRouteSelfService,
        RenewalRoute.ContactCorrection => AppText.RenewalRouteContactCorrection,
        _ => AppText.RenewalRouteProvider,
    };
}
