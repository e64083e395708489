namespace MsmHelpdesk.Application.Common.Identity;

/// <summary>Claims the helpdesk adds to a signed-in user, named here so the shell can read them without Infrastructure.</summary>
public static class HelpdeskClaimTypes
{
    public const string DisplayName = "msm:display_name";
}
