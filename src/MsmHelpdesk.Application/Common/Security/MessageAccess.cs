namespace MsmHelpdesk.Application.Common.Security;

/// <summary>
/// Every command and query declares who may send it with exactly one of these attributes.
/// A message without one is refused by the authorization behaviour (secure by default).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresRoleAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>Any signed-in user, whatever the role.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresSignInAttribute : Attribute;

/// <summary>Open to anonymous senders: sign-in and first-run setup only.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowAnonymousMessageAttribute : Attribute;

public enum AccessRule
{
    Undeclared,
    Anonymous,
    SignedIn,
    Roles,
}

public sealed record MessageAccess(AccessRule Rule, IReadOnlyList<string> Roles)
{
    public static MessageAccess For(Type messageType)
    {
        if (messageType.GetCustomAttributes(typeof(RequiresRoleAttribute), false).FirstOrDefault() is RequiresRoleAttribute roles)
        {
            return new(AccessRule.Roles, roles.Roles);
        }

        if (messageType.IsDefined(typeof(RequiresSignInAttribute), false))
        {
            return new(AccessRule.SignedIn, []);
        }

        return messageType.IsDefined(typeof(AllowAnonymousMessageAttribute), false)
            ? new(AccessRule.Anonymous, [])
            : new(AccessRule.Undeclared, []);
    }

    public bool Allows(UserIdentity user) => Rule switch
    {
        AccessRule.Anonymous => true,
        AccessRule.SignedIn => user.IsAuthenticated,
        AccessRule.Roles => user.IsAuthenticated && user.IsInAnyRole(Roles),
        _ => false,
    };
}
