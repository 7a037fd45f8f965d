namespace Okno.Core.Operators;

/// <summary>What a role may do — the columns of the permission matrix (<see cref="Permissions"/>).</summary>
public enum Capability
{
    /// <summary>Every conversation, whatever a user's own scope says (an ethical wall still binds).</summary>
    SeeAllConversations,
    /// <summary>Every conversation unless the user is narrowed to own + queue (<see cref="User.OwnAndQueueOnly"/>).</summary>
    SeeTeamConversations,
    /// <summary>A client's phone whole; without it phones are masked in every field, id and event.</summary>
    SeePhones,
    /// <summary>Any change: replies, notes, taking and handing off requests. Without it the role is read-only.</summary>
    Change,
    /// <summary>Manager endpoints: the audit, reports, quality violations, contact search and merge, desk set-up.</summary>
    Manage,
    /// <summary>The reports (issue 13): summaries, the request lists behind them and their exports, the live overview.</summary>
    ReadReports,
    /// <summary>Scoring requests and auditing "not target" verdicts (for qc the only writes).</summary>
    Review,
    /// <summary>Taking a client's data out: the data-subject archive and the signed export for court.</summary>
    ExportClientData,
    /// <summary>Erasing a client's personal data on their request.</summary>
    EraseClientData,
    /// <summary>Administrator endpoints: users, channels, retention and holds, two-factor policy, walls, settings.</summary>
    Administer,
}
