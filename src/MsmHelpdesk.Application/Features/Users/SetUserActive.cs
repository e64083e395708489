using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Users;

/// <summary>Deactivates (or reactivates) a user: a deactivated user cannot sign in and is signed out.</summary>
[RequiresRole(Roles.Admin)]
public sealed record SetUserActiveCommand : ICommand<Result>
{
    public string UserId { get; set; } = "";
    public bool IsActive { get; set; }
}

public sealed class SetUserActiveValidator : AbstractValidator<SetUserActiveCommand>
{
    public SetUserActiveValidator() =>
        RuleFor(command => command.UserId).NotEmpty().WithMessage(_ => AppText.Required);
}

public sealed class SetUserActiveHandler(IIdentityService identity, ICurrentUser currentUser) : ICommandHandler<SetUserActiveCommand, Result>
{
    public async ValueTask<Result> Handle(SetUserActiveCommand command, CancellationToken cancellationToken)
    {
        var user = await identity.FindUserAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return Error.NotFound("user-not-found", AppText.UserNotFound);
        }

        if (!command.IsActive)
        {
            var sender = await currentUser.GetAsync(cancellationToken);
            if (sender.UserId == user.Id)
            {
                return Error.Conflict("cannot-deactivate-self", AppText.CannotDeactivateSelf);
            }

            if (user.IsActive && user.Roles.Contains(Roles.Admin) && await identity.CountActiveAdminsAsync(cancellationToken) <= 1)
            {
                return Error.Conflict("last-admin", AppText.LastAdminRequired);
            }
        }

        return await identity.SetActiveAsync(command.UserId, command.IsActive, cancellationToken);
    }
}
