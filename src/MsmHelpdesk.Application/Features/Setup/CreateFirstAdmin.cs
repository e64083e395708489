using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Application.Features.Setup;

/// <summary>First run only: creates the first Admin while no user exists; closed for good afterwards.</summary>
[AllowAnonymousMessage]
public sealed record CreateFirstAdminCommand : ICommand<Result<string>>
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    [Verbatim]
    public string Password { get; set; } = "";
    [Verbatim]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class CreateFirstAdminValidator : AbstractValidator<CreateFirstAdminCommand>
{
    public CreateFirstAdminValidator()
    {
        RuleFor(command => command.Email).RequiredEmail();
        RuleFor(command => command.DisplayName).RequiredDisplayName();
        RuleFor(command => command.Password).NewPassword();
        RuleFor(command => command.ConfirmPassword)
            .Equal(command => command.Password).WithMessage(_ => AppText.PasswordMismatch);
    }
}

public sealed class CreateFirstAdminHandler(IIdentityService identity) : ICommandHandler<CreateFirstAdminCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(CreateFirstAdminCommand command, CancellationToken cancellationToken) =>
        await identity.CreateFirstAdminAsync(
            new NewUser(command.Email.Trim(), command.DisplayName.Trim(), command.Password, [Roles.Admin]),
            cancellationToken);
}
