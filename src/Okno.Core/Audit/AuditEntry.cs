namespace Okno.Core.Audit;

/// <summary>
/// One line of the audit: who did what to which object, when, from where. Written once by <see cref="AuditLog"/>
/// and never changed: the code has no update or delete path, and <see cref="Hash"/> chains every entry to the one
/// before, so an edit made directly in the database is found by <see cref="AuditChain.VerifyAsync"/>.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    internal AuditEntry(long id, DateTimeOffset at, AuditRecord r, string previousHash)
    {
        Id = id;
        At = at;
        UserId = r.UserId;
        Action = r.Action;
        ObjectType = r.ObjectType;
        ObjectId = r.ObjectId;
        Ip = r.Ip;
        Detail = r.Detail;
        Hash = AuditChain.HashOf(previousHash, this);
    }

    /// <summary>1, 2, 3…: the position in the chain, given under the head lock (never by the database).</summary>
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public long? UserId { get; private set; }
    public string Action { get; private set; } = "";
    public string? ObjectType { get; private set; }
    public string? ObjectId { get; private set; }
    public string? Ip { get; private set; }
    /// <summary>A short addition (an export's row count, the other contact of a merge, a new role): never a client's text.</summary>
    public string? Detail { get; private set; }
    /// <summary>SHA-256 (hex) of the previous entry's hash followed by this entry's canonical form.</summary>
    public string Hash { get; private set; } = "";
}

/// <summary>The single row that serializes appends: its lock is taken first in every append transaction.</summary>
public sealed class AuditHead
{
    public const int SingleId = 1;

    public int Id { get; private set; } = SingleId;
    public long LastId { get; private set; }
    public string Hash { get; private set; } = "";
}

/// <summary>What a caller asks to be written.</summary>
public sealed record AuditRecord(long? UserId, string Action, string? ObjectType, string? ObjectId, string? Ip, string? Detail = null);

/// <summary>The object types of the audit (the API's objectType filter takes these).</summary>
public static class AuditObjects
{
    public const string Conversation = "conversation";
    public const string Contact = "contact";
    public const string Export = "export";
    public const string User = "user";
    public const string Channel = "channel";
    public const string Policy = "policy";

    public static readonly IReadOnlyList<string> All = [Conversation, Contact, Export, User, Channel, Policy];
}

/// <summary>The actions written today.</summary>
public static class AuditActions
{
    public const string SignIn = "auth.sign-in";
    public const string SignInFailed = "auth.sign-in-failed";
    public const string RecoveryCodeUsed = "auth.recovery-code-used";
    public const string TwoFactorEnabled = "auth.2fa-enabled";
    public const string TwoFactorDisabled = "auth.2fa-disabled";
    public const string RecoveryCodesRenewed = "auth.recovery-codes-renewed";
    public const string TwoFactorPolicy = "auth.2fa-policy";
    public const string TokenCreated = "token.create";
    public const string TokenRevoked = "token.revoke";
    public const string ConversationRead = "conversation.read";
    public const string ContactRead = "contact.read";
    public const string Export = "export";
    public const string Merge = "contact.merge";
    public const string HandOff = "conversation.handoff";
    public const string UserCreated = "user.create";
    public const string RoleChanged = "user.role-change";
    public const string UserChanged = "user.update";
    public const string ChannelCreated = "channel.create";
    public const string ChannelChanged = "channel.update";
    public const string ChannelDeleted = "channel.delete";
    public const string QualityPolicyChanged = "policy.quality-change";
    public const string ScorecardChanged = "policy.scorecard-change";
    public const string ReviewCreated = "review.create";
    public const string VerdictConfirmed = "review.verdict-confirm";
    public const string VerdictOverturned = "review.verdict-overturn";
    public const string WallSet = "wall.set";
    public const string WallLifted = "wall.lift";
    public const string EmailMasking = "role.email-masking";
}
