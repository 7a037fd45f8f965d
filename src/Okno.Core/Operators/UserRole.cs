namespace Okno.Core.Operators;

public enum UserRole
{
    Admin,
    Supervisor,
    Operator,
    Lawyer,
}

public static class UserRoles
{
    /// <summary>Who may see a client's phone whole. Everyone else sees it masked, everywhere.</summary>
    public static bool SeesPhones(this UserRole role) => role is UserRole.Admin or UserRole.Supervisor;

    /// <summary>Who sees every conversation (lawyers see only what is assigned or handed to them).</summary>
    public static bool SeesAllConversations(this UserRole role) => role is not UserRole.Lawyer;

    public static bool ManagesChannels(this UserRole role) => role is UserRole.Admin;

    public static string ToWireName(this UserRole role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out UserRole role) =>
        Enum.TryParse(value, ignoreCase: true, out role) && Enum.IsDefined(role);
}
