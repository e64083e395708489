namespace MsmHelpdesk.Application.Common.Security;

/// <summary>Who is sending the message: a signed-in person, an operator at the CLI, or nobody.</summary>
public interface ICurrentUser
{
    ValueTask<UserIdentity> GetAsync(CancellationToken cancellationToken = default);
}

public sealed record UserIdentity(string? UserId, string? DisplayName, IReadOnlySet<string> Roles)
{
    public static UserIdentity Anonymous { get; } = new(null, null, new HashSet<string>());

    public bool IsAuthenticated => UserId is not null;

    public bool IsInAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);
}
