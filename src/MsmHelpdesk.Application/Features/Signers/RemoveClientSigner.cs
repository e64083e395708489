using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Signers;

/// <summary>Removes a signer and their credentials from a client. Audited.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record RemoveClientSignerCommand : ICommand<Result>
{
    public Guid ClientId { get; set; }

    public Guid Id { get; set; }
}

public sealed class RemoveClientSignerHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RemoveClientSignerCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveClientSignerCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var signer = await db.ClientSigners.SingleOrDefaultAsync(s => s.Id == command.Id && s.ClientId == command.ClientId, cancellationToken);
        if (signer is null)
        {
            return Error.NotFound("signer-not-found", AppText.SignerNotFound);
        }

        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.ClientSigners.Remove(signer);
        db.AuditEntries.Add(AuditEntry.Record(actor, now, SignerTexts.AuditArea, command.ClientId,
            $"signer removed: {SignerTexts.Describe(new SignerDetails(signer.Name, signer.Role, signer.StaffId, signer.CoretaxRoles))}"));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
