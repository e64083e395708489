using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Tickets;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Clients;

/// <summary>Edits a client. The NPWP is the client's identity and stays as registered.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record UpdateClientCommand : ClientForm, ICommand<Result<int>>
{
    public Guid ClientId { get; set; }

    /// <summary>The version the editor loaded; a save over a newer version is refused.</summary>
    public int ExpectedVersion { get; set; }
}

public sealed class UpdateClientValidator : ClientFormValidator<UpdateClientCommand>;

public sealed class UpdateClientHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<UpdateClientCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(UpdateClientCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var client = await db.Clients.Include(c => c.Officers).SingleOrDefaultAsync(c => c.Id == command.ClientId, cancellationToken);
        if (client is null)
        {
            return Error.NotFound("client-not-found", AppText.ClientNotFound);
        }

        if (client.Version != command.ExpectedVersion || Npwp.Parse(command.Npwp).Npwp!.Value != client.Npwp)
        {
            return Error.Conflict("client-changed", AppText.ClientChanged);
        }

        var now = clock.GetUtcNow();
        var certificateBefore = (client.CertificateIssuedOn, client.CertificateExpiresOn);
        client.Update(command.ToDetails(), now);
        client.ReplaceOfficers(command.Officers.Select(officer => (officer.Name, officer.Position)), now);
        if (certificateBefore != (client.CertificateIssuedOn, client.CertificateExpiresOn))
        {
            await ClientStepFacts.CertificateUpdatedAsync(db, client, await currentUser.GetActorAsync(cancellationToken), now, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("client-changed", AppText.ClientChanged);
        }

        return client.Version;
    }
}
