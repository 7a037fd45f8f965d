namespace Okno.Core.Operators;

/// <summary>
/// The permission matrix: role × capability, one table. Enforcement reads it (<see cref="UserRoles"/>, the
/// authorization policies, ConversationAccess) and /admin/roles shows it, so what the screen says is what happens.
/// Per-role settings the administrator changes (e-mail masking, two-factor) live in RolePolicies, per-user ones
/// (an operator's own + queue scope) on the user.
/// </summary>
public static class Permissions
{
    public static readonly IReadOnlyDictionary<UserRole, IReadOnlySet<Capability>> Matrix = new Dictionary<UserRole, IReadOnlySet<Capability>>
    {
        [UserRole.Admin] = new HashSet<Capability> { Capability.SeeAllConversations, Capability.SeeTeamConversations, Capability.SeePhones, Capability.Change, Capability.Manage, Capability.ReadReports, Capability.Review, Capability.ExportClientData, Capability.EraseClientData, Capability.Administer },
        [UserRole.Supervisor] = new HashSet<Capability> { Capability.SeeAllConversations, Capability.SeeTeamConversations, Capability.SeePhones, Capability.Change, Capability.Manage, Capability.ReadReports, Capability.Review, Capability.ExportClientData },
        [UserRole.Operator] = new HashSet<Capability> { Capability.SeeTeamConversations, Capability.Change },
        [UserRole.Lawyer] = new HashSet<Capability> { Capability.Change },
        [UserRole.Qc] = new HashSet<Capability> { Capability.SeeAllConversations, Capability.SeeTeamConversations, Capability.ReadReports, Capability.Review },
    };

    public static bool Has(this UserRole role, Capability capability) => Matrix.TryGetValue(role, out var set) && set.Contains(capability);

    /// <summary>The roles holding a capability, as role claim values (what the authorization policies require).</summary>
    public static string[] RolesWith(Capability capability) =>
        Matrix.Where(r => r.Value.Contains(capability)).Select(r => r.Key.ToString()).ToArray();
}
