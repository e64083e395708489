using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;

namespace MsmHelpdesk.Application.Features.Users;

[RequiresRole(Domain.Users.Roles.Admin)]
public sealed record CreateUserCommand : ICommand<Result<string>>
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    [Verbatim]
    public string Password { get; set; } = "";
    [Verbatim]
    public string ConfirmPassword { get; set; } = "";
    public IReadOnlyCollection<string> Roles { get; set; } = [Domain.Users.Roles.Consultant];
}

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(command => command.Email).RequiredEmail();
        RuleFor(command => command.DisplayName).RequiredDisplayName();
        RuleFor(command => command.Password).NewPassword();
        RuleFor(command => command.ConfirmPassword)
            .Equal(command => command.Password).WithMessage(_ => AppText.PasswordMismatch);
        RuleFor(command => command.Roles).KnownRoles();
    }
}

public sealed class CreateUserHandler(IIdentityService identity) : ICommandHandler<CreateUserCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(CreateUserCommand command, CancellationToken cancellationToken) =>
        await identity.CreateUserAsync(
            new NewUser(command.Email.Trim(), command.DisplayName.Trim(), command.Password, command.Roles.Distinct().ToArray()),
            cancellationToken);
}
