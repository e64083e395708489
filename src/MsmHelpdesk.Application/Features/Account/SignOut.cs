using Mediator;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;

namespace MsmHelpdesk.Application.Features.Account;

[RequiresSignIn]
public sealed record SignOutCommand : ICommand<Result>;

public sealed class SignOutHandler(IIdentityService identity) : ICommandHandler<SignOutCommand, Result>
{
    public async ValueTask<Result> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        await identity.SignOutAsync();
        return Result.Success();
    }
}
