using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Domain.Users;

namespace MsmHelpdesk.Tests.Support;

public sealed class TestCurrentUser : ICurrentUser
{
    public UserIdentity Identity { get; set; } = UserIdentity.Anonymous;

    public ValueTask<UserIdentity> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Identity);

    public static UserIdentity With(string userId, params string[] roles) =>
        new(userId, userId, roles.ToHashSet(StringComparer.Ordinal));

    public static UserIdentity Admin(string userId = "admin-1") => With(userId, Roles.Admin);
}
