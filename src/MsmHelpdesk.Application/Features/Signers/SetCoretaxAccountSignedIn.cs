using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Common;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Signers;

/// <summary>Records whether the company (badan) account has ever been signed in to Coretax (null = not checked). Audited.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record SetCoretaxAccountSignedInCommand : ICommand<Result>
{
    public Guid ClientId { get; set; }

    public bool? SignedIn { get; set; }
}

public sealed class SetCoretaxAccountSignedInHandler(IAppDbContextFactory databases, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetCoretaxAccountSignedInCommand, Result>
{
    public async ValueTask<Result> Handle(SetCoretaxAccountSignedInCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == command.ClientId, cancellationToken);
        if (client is null)
        {
            return Error.NotFound("client-not-found", AppText.ClientNotFound);
        }

        if (client.CoretaxAccountSignedIn == command.SignedIn)
        {
            return Result.Success();
        }

        var actor = await currentUser.GetActorAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var before = client.CoretaxAccountSignedIn;
        client.RecordCoretaxAccountSignedIn(command.SignedIn, now);
        db.AuditEntries.Add(AuditEntry.Record(actor, now, SignerTexts.AuditArea, client.Id,
            $"company account signed in: {Show(before)} → {Show(command.SignedIn)}"));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    private static string Show(bool? value) => value switch { true => "yes", false => "no", null => "unknown" };
}
