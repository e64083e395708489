using FluentValidation;
using Mediator;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Common.Validation;

namespace MsmHelpdesk.Application.Features.Account;

[AllowAnonymousMessage]
public sealed record SignInCommand : ICommand<Result>
{
    public string Email { get; set; } = "";
    [Verbatim]
    public string Password { get; set; } = "";
}

public sealed class SignInValidator : AbstractValidator<SignInCommand>
{
    public SignInValidator()
    {
        RuleFor(command => command.Email).NotEmpty().WithMessage(_ => AppText.Required);
        RuleFor(command => command.Password).NotEmpty().WithMessage(_ => AppText.Required);
    }
}

public sealed class SignInHandler(IIdentityService identity, TimeProvider clock) : ICommandHandler<SignInCommand, Result>
{
    public async ValueTask<Result> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var outcome = await identity.PasswordSignInAsync(command.Email.Trim(), command.Password, cancellationToken);
        return outcome.Status switch
        {
            SignInStatus.Succeeded => Result.Success(),
            SignInStatus.LockedOut => Error.Validation(nameof(command.Password), AppText.SignInLockedOut(MinutesLeft(outcome.LockedOutUntil))),
            SignInStatus.Inactive => Error.Validation(nameof(command.Email), AppText.SignInInactive),
            _ => Error.Validation(nameof(command.Password), AppText.SignInFailed),
        };
    }

    private int MinutesLeft(DateTimeOffset? until) =>
        until is null ? 1 : Math.Max(1, (int)Math.Ceiling((until.Value - clock.GetUtcNow()).TotalMinutes));
}
