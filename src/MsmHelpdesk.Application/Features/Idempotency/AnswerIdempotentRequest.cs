using Mediator;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Persistence;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Idempotency;

/// <summary>Keeps the first answer given to a request with an Idempotency-Key, so a retry gets the same status and body.</summary>
[RequiresRole(Roles.Consultant, Roles.Manager, Roles.Admin)]
public sealed record AnswerIdempotentRequestCommand : ICommand<Result>
{
    public string Scope { get; init; } = "";

    public string Key { get; init; } = "";

    public int StatusCode { get; init; }

    /// <summary>The JSON as sent: kept byte for byte, its texts were screened when they came in.</summary>
    [Verbatim]
    public string Body { get; init; } = "";

    [Verbatim]
    public string? Location { get; init; }
}

public sealed class AnswerIdempotentRequestHandler(IAppDbContextFactory databases) : ICommandHandler<AnswerIdempotentRequestCommand, Result>
{
    public async ValueTask<Result> Handle(AnswerIdempotentRequestCommand command, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateAsync(cancellationToken);
        var request = await db.IdempotentRequests.SingleOrDefaultAsync(r => r.Scope == command.Scope && r.Key == command.Key, cancellationToken);

        // The first answer stays: a second writer (a retry that rebuilt it) does not replace it.
        if (request is not null && request.StatusCode is null)
        {
            request.Answer(command.StatusCode, command.Body, command.Location);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Success();
    }
}
