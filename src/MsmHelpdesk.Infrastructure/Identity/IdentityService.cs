using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MsmHelpdesk.Application;
using MsmHelpdesk.Application.Common;
using MsmHelpdesk.Application.Common.Identity;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Infrastructure.Persistence;

namespace MsmHelpdesk.Infrastructure.Identity;

/// <summary>
/// ASP.NET Core Identity behind <see cref="IIdentityService"/>. Every call opens its own DI scope, and so its
/// own DbContext and UserManager: a Blazor circuit's scope lives as long as the browser tab.
/// </summary>
public sealed class IdentityService(IServiceScopeFactory scopes, TimeProvider clock) : IIdentityService
{
    private static readonly AppUser NobodyUser = new();
    private string? _nobodyHash;
    public async Task<bool> IsSetupOpenAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        var closed = await db.SystemFlags.AnyAsync(flag => flag.Key == SystemFlag.SetupCompleted, cancellationToken)
            || await db.Users.AnyAsync(cancellationToken);
        return !closed;
    }

    public async Task<Result<string>> CreateFirstAdminAsync(NewUser user, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.SystemFlags.AnyAsync(flag => flag.Key == SystemFlag.SetupCompleted, cancellationToken)
            || await db.Users.AnyAsync(cancellationToken))
        {
            return SetupClosed();
        }

        // The flag's unique key makes a second, concurrent setup fail instead of creating a second Admin.
        db.SystemFlags.Add(new SystemFlag { Key = SystemFlag.SetupCompleted, SetAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return SetupClosed();
        }

        var created = await CreateAsync(scope.ServiceProvider, user);
        if (created.IsSuccess)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return created;
    }

    public async Task<Result<string>> CreateUserAsync(NewUser user, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await CreateAsync(scope.ServiceProvider, user);
        if (created.IsSuccess)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return created;
    }

    public async Task<SignInOutcome> PasswordSignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Verify against a hash made by the same hasher, so refusing an unknown e-mail costs what refusing
            // a known one does and the time taken does not tell which e-mails have accounts.
            _nobodyHash ??= users.PasswordHasher.HashPassword(NobodyUser, Guid.NewGuid().ToString("N"));
            users.PasswordHasher.VerifyHashedPassword(NobodyUser, _nobodyHash, password);
            return new SignInOutcome(SignInStatus.Failed);
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return new SignInOutcome(SignInStatus.LockedOut, user.LockoutEnd);
        }

        if (!check.Succeeded)
        {
            return new SignInOutcome(SignInStatus.Failed);
        }

        if (!user.IsActive)
        {
            return new SignInOutcome(SignInStatus.Inactive);
        }

        user.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        return new SignInOutcome(SignInStatus.Succeeded);
    }

    public async Task SignOutAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().SignOutAsync();
    }

    public async Task<PagedList<UserSummary>> ListUsersAsync(UserListFilter filter, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.ToUpperInvariant();
            users = users.Where(user => user.NormalizedEmail!.Contains(term) || user.DisplayName.ToUpper().Contains(term));
        }

        var total = await users.CountAsync(cancellationToken);
        var ordered = (filter.SortBy, filter.Descending) switch
        {
            (UserSort.Email, false) => users.OrderBy(user => user.NormalizedEmail),
            (UserSort.Email, true) => users.OrderByDescending(user => user.NormalizedEmail),
            (UserSort.CreatedAt, false) => users.OrderBy(user => user.CreatedAt),
            (UserSort.CreatedAt, true) => users.OrderByDescending(user => user.CreatedAt),
            (UserSort.LastSignInAt, false) => users.OrderBy(user => user.LastSignInAt),
            (UserSort.LastSignInAt, true) => users.OrderByDescending(user => user.LastSignInAt),
            (_, false) => users.OrderBy(user => user.DisplayName),
            (_, true) => users.OrderByDescending(user => user.DisplayName),
        };
        var page = await Project(db, ordered.ThenBy(user => user.Id).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize))
            .ToListAsync(cancellationToken);
        return new PagedList<UserSummary>(page.Select(ToSummary).ToArray(), total, filter.Page, filter.PageSize);
    }

    public async Task<UserSummary?> FindUserAsync(string userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        var row = await Project(db, db.Users.AsNoTracking().Where(user => user.Id == userId)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToSummary(row);
    }

    public async Task<int> CountActiveAdminsAsync(CancellationToken cancellationToken) =>
        (await CountActiveUsersByRoleAsync(cancellationToken)).GetValueOrDefault(Domain.Users.Roles.Admin);

    public async Task<IReadOnlyDictionary<string, int>> CountActiveUsersByRoleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        var counts = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                join user in db.Users on userRole.UserId equals user.Id
                where user.IsActive
                group userRole by role.Name into byRole
                select new { Role = byRole.Key, Count = byRole.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(count => count.Role!, count => count.Count, StringComparer.Ordinal);
    }

    public async Task<Result> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpdeskDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Error.NotFound("user-not-found", AppText.UserNotFound);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(roles, StringComparer.Ordinal));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, roles.Except(current, StringComparer.Ordinal)) : removed;
        if (!added.Succeeded)
        {
            return Error.Unexpected();
        }

        // A new stamp makes the user's sign-in cookie pick up the new roles at its next validation.
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return Result.Success();
    }

    public async Task<Result> SetActiveAsync(string userId, bool isActive, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Error.NotFound("user-not-found", AppText.UserNotFound);
        }

        user.IsActive = isActive;
        var updated = await users.UpdateAsync(user);
        if (updated.Succeeded && !isActive)
        {
            // Ends the deactivated user's open sessions at the next cookie validation.
            updated = await users.UpdateSecurityStampAsync(user);
        }

        return updated.Succeeded ? Result.Success() : Error.Unexpected();
    }

    private async Task<Result<string>> CreateAsync(IServiceProvider services, NewUser newUser)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = newUser.Email,
            Email = newUser.Email,
            EmailConfirmed = true,
            DisplayName = newUser.DisplayName,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, newUser.Password);
        if (!created.Succeeded)
        {
            return ToError(created);
        }

        var inRoles = await users.AddToRolesAsync(user, newUser.Roles);
        return inRoles.Succeeded ? user.Id : ToError(inRoles);
    }

    private static Error ToError(IdentityResult result)
    {
        var codes = result.Errors.Select(error => error.Code).ToArray();
        if (codes.Any(code => code is "DuplicateEmail" or "DuplicateUserName"))
        {
            return Error.Validation("Email", AppText.EmailTaken);
        }

        if (codes.Any(code => code is "InvalidEmail" or "InvalidUserName"))
        {
            return Error.Validation("Email", AppText.EmailInvalid);
        }

        return codes.Any(code => code.StartsWith("Password", StringComparison.Ordinal))
            ? Error.Validation("Password", AppText.PasswordRejected)
            : Error.Unexpected();
    }

    private static Error SetupClosed() => Error.Conflict("setup-closed", AppText.SetupClosed);

    private static IQueryable<UserRow> Project(HelpdeskDbContext db, IQueryable<AppUser> users) =>
        users.Select(user => new UserRow(
            user.Id,
            user.Email!,
            user.DisplayName,
            db.UserRoles.Where(userRole => userRole.UserId == user.Id)
                .Join(db.Roles, userRole => userRole.RoleId, role => role.Id, (_, role) => role.Name!)
                .ToList(),
            user.IsActive,
            user.LockoutEnd,
            user.CreatedAt,
            user.LastSignInAt));

    private UserSummary ToSummary(UserRow row) => new(
        row.Id,
        row.Email,
        row.DisplayName,
        Domain.Users.Roles.All.Where(row.Roles.Contains).ToArray(),
        row.IsActive,
        row.LockoutEnd > clock.GetUtcNow() ? row.LockoutEnd : null,
        row.CreatedAt,
        row.LastSignInAt);

    private sealed record UserRow(
        string Id,
        string Email,
        string DisplayName,
        List<string> Roles,
        bool IsActive,
        DateTimeOffset? LockoutEnd,
        DateTimeOffset CreatedAt,
        DateTimeOffset? LastSignInAt);
}
