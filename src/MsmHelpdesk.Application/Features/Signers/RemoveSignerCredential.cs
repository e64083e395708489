using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Signers;

/// <summary>Removes one credential of a signer. Audited.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record RemoveSignerCredentialCommand : ICommand<Result>
{
    public Guid ClientId { get; set; }

    public Guid SignerId { get; set; }

    public Guid CredentialId { get; set; }
}

public sealed class RemoveSignerCredentialHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemoveSignerCredentialCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveSignerCredentialCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var signer = await db.ClientSigners.SingleOrDefaultAsync(s => s.Id == command.SignerId && s.ClientId == command.ClientId, cancellationToken);
        var credential = signer?.Credentials.FirstOrDefault(c => c.Id == command.CredentialId);
        if (signer is null || credential is null)
        {
            return Error.NotFound("credential-not-found", AppText.CredentialNotFound);
        }

        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var described = SignerTexts.Describe(new CredentialDetails(credential.Kind, credential.Provider, credential.IssuedOn, credential.ExpiresOn));
        signer.RemoveCredential(credential.Id, now);
        db.AuditEntries.Add(AuditEntry.Record(actor, now, SignerTexts.AuditArea, command.ClientId, $"credential removed for {signer.Name}: {described}"));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
