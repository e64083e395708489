using MsmHelpdesk.Domain.Tickets;

namespace MsmHelpdesk.Application.Common.Security;

public static class CurrentActor
{
    /// <summary>The sender as the timeline records them: id and the name they had at the time.</summary>
    public static async ValueTask<Actor> GetActorAsync(this ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        return new Actor(user.UserId ?? "anonymous", user.DisplayName ?? user.UserId ?? "?");
    }
}
