using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Users;

[RequiresRole(Domain.Users.Roles.Admin)]
public sealed record SetUserRolesCommand : ICommand<Result>
{
    public string UserId { get; set; } = "";
    public IReadOnlyCollection<string> Roles { get; set; } = [];
}

public sealed class SetUserRolesValidator : AbstractValidator<SetUserRolesCommand>
{
    public SetUserRolesValidator()
    {
        RuleFor(command => command.UserId).NotEmpty().WithMessage(_ => AppText.Required);
        RuleFor(command => command.Roles).KnownRoles();
    }
}

public sealed class SetUserRolesHandler(IIdentityService identity) : ICommandHandler<SetUserRolesCommand, Result>
{
    public async ValueTask<Result> Handle(SetUserRolesCommand command, CancellationToken cancellationToken)
    {
        var user = await identity.FindUserAsync(command.UserId, cancellationToken);
        if (user is null)
        {
            return Error.NotFound("user-not-found", AppText.UserNotFound);
        }

        var losesAdmin = user.IsActive && user.Roles.Contains(Roles.Admin) && !command.Roles.Contains(Roles.Admin);
        if (losesAdmin && await identity.CountActiveAdminsAsync(cancellationToken) <= 1)
        {
            return Error.Validation(nameof(command.Roles), AppText.LastAdminRequired);
        }

        return await identity.SetRolesAsync(command.UserId, command.Roles.Distinct().ToArray(), cancellationToken);
    }
}
