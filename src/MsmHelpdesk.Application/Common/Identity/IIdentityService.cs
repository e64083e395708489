using MsmHelpdesk.Application.Common.Results;

namespace MsmHelpdesk.Application.Common.Identity;

/// <summary>
/// The user store and sign-in, implemented over ASP.NET Core Identity in Infrastructure.
/// Each call works on its own DbContext, since a Blazor circuit outlives any single operation.
/// </summary>
public interface IIdentityService
{
    Task<bool> IsSetupOpenAsync(CancellationToken cancellationToken);

    /// <summary>Creates the first Admin and closes setup for good, atomically; fails once setup is closed.</summary>
    Task<Result<string>> CreateFirstAdminAsync(NewUser user, CancellationToken cancellationToken);

    Task<Result<string>> CreateUserAsync(NewUser user, CancellationToken cancellationToken);

    Task<SignInOutcome> PasswordSignInAsync(string email, string password, CancellationToken cancellationToken);

    Task SignOutAsync();

    Task<PagedList<UserSummary>> ListUsersAsync(UserListFilter filter, CancellationToken cancellationToken);

    Task<UserSummary?> FindUserAsync(string userId, CancellationToken cancellationToken);

    Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, int>> CountActiveUsersByRoleAsync(CancellationToken cancellationToken);

    Task<Result> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);

    Task<Result> SetActiveAsync(string userId, bool isActive, CancellationToken cancellationToken);
}

public sealed record NewUser(string Email, string DisplayName, string Password, IReadOnlyCollection<string> Roles);

public sealed record UserSummary(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool IsActive,
    DateTimeOffset? LockedOutUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt);

public enum UserSort
{
    DisplayName,
    Email,
    CreatedAt,
    LastSignInAt,
}

public sealed record UserListFilter(string? Search, int Page, int PageSize, UserSort SortBy, bool Descending);

public enum SignInStatus
{
    Succeeded,
    Failed,
    LockedOut,
    Inactive,
}

public sealed record SignInOutcome(SignInStatus Status, DateTimeOffset? LockedOutUntil = null);
