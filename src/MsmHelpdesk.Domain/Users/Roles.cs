namespace MsmHelpdesk.Domain.Users;

/// <summary>The three roles of the helpdesk. Role names are stored, so never rename them.</summary>
public static class Roles
{
    public const string Consultant = "Consultant";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Consultant, Manager, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
