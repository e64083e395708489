using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Time;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Signers;

/// <summary>A client's Coretax signers with their credentials and states, whether the company account was ever signed in, and the latest changes.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record GetClientSignersQuery : IQuery<Result<ClientSignersView>>
{
    public Guid ClientId { get; init; }
}

public sealed record ClientSignersView(bool? CoretaxAccountSignedIn, IReadOnlyList<SignerView> Signers, IReadOnlyList<SignerChangeView> Changes);

public sealed record SignerView(Guid Id, string Name, SignerRole Role, string? StaffId, string? CoretaxRoles, IReadOnlyList<CredentialView> Credentials);

public sealed record CredentialView(Guid Id, CredentialKind Kind, string? Provider, DateOnly? IssuedOn, DateOnly ExpiresOn, CertificateState State, string Label);

public sealed record SignerChangeView(DateTimeOffset At, string ActorName, string Description);

public sealed class GetClientSignersHandler(IAppDbContextFactory databases, TimeProvider clock) : IQueryHandler<GetClientSignersQuery, Result<ClientSignersView>>
{
    public async ValueTask<Result<ClientSignersView>> Handle(GetClientSignersQuery query, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == query.ClientId)
            .Select(c => new { c.CoretaxAccountSignedIn }).SingleOrDefaultAsync(cancellationToken);
        if (client is null)
        {
            return Error.NotFound("client-not-found", AppText.ClientNotFound);
        }

        var today = Wib.Today(clock);
        var signers = await db.ClientSigners.AsNoTracking().Where(s => s.ClientId == query.ClientId).ToListAsync(cancellationToken);
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Area == SignerTexts.AuditArea && e.SubjectId == query.ClientId)
            .OrderByDescending(e => e.Id).Take(20)
            .Select(e => new SignerChangeView(e.At, e.ActorName, e.Description))
            .ToListAsync(cancellationToken);
        return new ClientSignersView(
            client.CoretaxAccountSignedIn,
            signers.OrderBy(s => s.Role).ThenBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(s => new SignerView(s.Id, s.Name, s.Role, s.StaffId, s.CoretaxRoles,
                    s.Credentials.OrderBy(c => c.ExpiresOn)
                        .Select(c => new CredentialView(c.Id, c.Kind, c.Provider, c.IssuedOn, c.ExpiresOn, CertificateStates.Of(c.ExpiresOn, today), SignerTexts.Kind(c.Kind, c.Provider)))
                        .ToArray()))
                .ToArray(),
            changes);
    }
}
