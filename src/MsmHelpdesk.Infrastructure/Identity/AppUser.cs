using Microsoft.AspNetCore.Identity;

namespace MsmHelpdesk.Infrastructure.Identity;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A deactivated user cannot sign in; accounts are never deleted, the audit trail names them.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }
}
