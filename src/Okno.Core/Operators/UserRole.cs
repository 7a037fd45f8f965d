namespace Okno.Core.Operators;

public enum UserRole
{
    Admin,
    Supervisor,
    Operator,
    Lawyer,
    /// <summary>Quality controller: reads every conversation (phones masked), changes nothing.</summary>
    Qc,
}

/// <summary>What each role sees and may do, read from the permission matrix (<see cref="Permissions"/>).</summary>
public static class UserRoles
{
    /// <summary>Who may see a client's phone whole. Everyone else sees it masked, everywhere.</summary>
    public static bool SeesPhones(this UserRole role) => role.Has(Capability.SeePhones);

    /// <summary>
    /// Whose role may see every conversation (lawyers see only what is assigned or handed to them). An operator
    /// may still be narrowed to "own + queue" (<see cref="User.OwnAndQueueOnly"/>): ConversationAccess decides that.
    /// </summary>
    public static bool SeesAllConversations(this UserRole role) => role.Has(Capability.SeeTeamConversations);

    /// <summary>Roles that see everything whatever a user's own scope says.</summary>
    public static bool SeesEverything(this UserRole role) => role.Has(Capability.SeeAllConversations);

    /// <summary>Read-only roles: every write is refused (API, hub, web app).</summary>
    public static bool IsReadOnly(this UserRole role) => !role.Has(Capability.Change);

    /// <summary>
    /// Who may take a client's data out of Okno: the archive of a data-subject request and a conversation's signed export
    /// for court (administrator, supervisor — the roles that see phones, so nothing they export is masked).
    /// </summary>
    public static bool ExportsClientData(this UserRole role) => role.Has(Capability.ExportClientData);

    /// <summary>Who may erase a client's personal data on their request: the administrator.</summary>
    public static bool ErasesClientData(this UserRole role) => role.Has(Capability.EraseClientData);

    /// <summary>
    /// Who scores requests and audits "not target" verdicts: supervisors, admins and quality control — for qc these are
    /// the only writes (the review endpoints say so to ReadOnlyGuard).
    /// </summary>
    public static bool Reviews(this UserRole role) => role.Has(Capability.Review);

    /// <summary>Whose scorecards a user may read: a reviewer anyone's, everyone else only their own.</summary>
    public static bool SeesReviewsOf(this UserRole role, long userId, long operatorId) => role.Reviews() || userId == operatorId;

    public static bool ManagesChannels(this UserRole role) => role.Has(Capability.Administer);

    public static bool Manages(this UserRole role) => role.Has(Capability.Manage);

    /// <summary>
    /// Who reads the reports and exports request lists (issue 13): admins, supervisors and quality control (their job is
    /// exactly this; they read with phones masked, as everywhere). Operators and lawyers do not.
    /// </summary>
    public static bool ReadsReports(this UserRole role) => role.Has(Capability.ReadReports);

    public static string ToWireName(this UserRole role) => role.ToString().ToLowerInvariant();

    public const string WireNames = "admin, supervisor, operator, lawyer или qc.";

    public static bool TryParse(string? value, out UserRole role) =>
        Enum.TryParse(value, ignoreCase: true, out role) && Enum.IsDefined(role);
}
