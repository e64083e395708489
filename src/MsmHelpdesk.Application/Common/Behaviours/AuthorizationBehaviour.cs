using Mediator;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;

namespace MsmHelpdesk.Application.Common.Behaviours;

/// <summary>Refuses a message whose sender lacks the roles the message declares; the handler never runs.</summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser currentUser) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly MessageAccess Access = MessageAccess.For(typeof(TMessage));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Access.Rule == AccessRule.Anonymous)
        {
            return await next(message, cancellationToken);
        }

        var user = await currentUser.GetAsync(cancellationToken);
        if (Access.Allows(user))
        {
            return await next(message, cancellationToken);
        }

        return ResultFailure<TResponse>.From(user.IsAuthenticated ? Error.Forbidden() : Error.Unauthorized());
    }
}
