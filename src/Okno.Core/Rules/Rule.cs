namespace Okno.Core.Rules;

/// <summary>
/// An automation rule: when <see cref="Event"/> happens and every condition holds, run the actions in order.
/// Conditions and actions are kept as the JSON the API accepted (validated then), so a new action type needs no
/// migration. Rules run in <see cref="Order"/> (then id); only enabled ones.
/// </summary>
public sealed class Rule
{
    private Rule() { }

    public Rule(string name, string eventName, DateTimeOffset now)
    {
        Name = name;
        Event = eventName;
        CreatedAt = now;
        UpdatedAt = now;
        Enabled = true;
    }

    public const int MaxName = 200;

    public long Id { get; private set; }
    public string Name { get; set; } = "";
    public string Event { get; set; } = "";
    /// <summary>Time-based events: how long after (ISO 8601 "PT10M" on the wire).</summary>
    public long? AfterSeconds { get; set; }
    /// <summary><c>time.schedule</c>: a cron expression (five fields), in the firm's time zone.</summary>
    public string? Schedule { get; set; }
    /// <summary><c>time.schedule</c>: only occurrences within the desk's business hours.</summary>
    public bool BusinessHoursOnly { get; set; }
    public string ConditionsJson { get; set; } = "[]";
    public string ActionsJson { get; set; } = "[]";
    public bool Enabled { get; set; }
    public int Order { get; set; }
    /// <summary>The preset the rule was made from (greeting, out_of_hours, file_received), if any.</summary>
    public string? Preset { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary><c>time.schedule</c>: the last occurrence the scheduler has handled.</summary>
    public DateTimeOffset? ScheduledUpTo { get; set; }
}

/// <summary>
/// One event some rule listens to, for one conversation: the durable job the rules worker claims (claimed-until,
/// like the outbox) and evaluates. Time-based jobs name their rule and occurrence; the unique index on
/// (rule, conversation, occurrence) makes each fire once however often the scheduler looks.
/// </summary>
public sealed class RuleJob
{
    private RuleJob() { }

    public RuleJob(string eventName, long conversationId, long? messageId, DateTimeOffset now, long? causedByRuleId = null, bool quiet = false,
        long? ruleId = null, string? occurrence = null)
    {
        Event = eventName;
        ConversationId = conversationId;
        MessageId = messageId;
        CausedByRuleId = causedByRuleId;
        Quiet = quiet;
        RuleId = ruleId;
        Occurrence = occurrence;
        CreatedAt = now;
        DueAt = now;
    }

    public long Id { get; private set; }
    public string Event { get; private set; } = "";
    public long ConversationId { get; private set; }
    public long? MessageId { get; private set; }
    /// <summary>The rule whose action caused this event: that rule does not run on it (no loops).</summary>
    public long? CausedByRuleId { get; private set; }
    /// <summary>The message is an auto-reply or a bounce (e-mail out-of-office): nothing answers it.</summary>
    public bool Quiet { get; private set; }
    /// <summary>Time-based: the one rule this job is for.</summary>
    public long? RuleId { get; private set; }
    public string? Occurrence { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public bool Done { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    public const int MaxAttempts = 5;

    public void Finish()
    {
        Done = true;
        ClaimedUntil = null;
    }

    /// <summary>A fault (not a refusal): tried again later, given up after <see cref="MaxAttempts"/>.</summary>
    public void Fail(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        ClaimedUntil = null;
        if (Attempts >= MaxAttempts) Done = true;
        else DueAt = now + TimeSpan.FromSeconds(Math.Pow(4, Attempts));
    }
}

/// <summary>A rule fired (or was stopped by the per-conversation cap): why its conditions matched, each action's outcome.</summary>
public sealed class RuleFiring
{
    private RuleFiring() { }

    public RuleFiring(long ruleId, long? jobId, long conversationId, string eventName, string why, string outcomesJson, bool ok, bool replied, bool capped, DateTimeOffset now)
    {
        RuleId = ruleId;
        JobId = jobId;
        ConversationId = conversationId;
        Event = eventName;
        Why = why.Length > 2000 ? why[..2000] : why;
        OutcomesJson = outcomesJson;
        Ok = ok;
        Replied = replied;
        Capped = capped;
        At = now;
    }

    public long Id { get; private set; }
    public long RuleId { get; private set; }
    public long? JobId { get; private set; }
    public long ConversationId { get; private set; }
    public string Event { get; private set; } = "";
    public string Why { get; private set; } = "";
    /// <summary>JSON [{"type","ok","detail"}].</summary>
    public string OutcomesJson { get; private set; } = "[]";
    public bool Ok { get; private set; }
    /// <summary>The firing sent the client a message (reply / template): auto-replies go once per request.</summary>
    public bool Replied { get; private set; }
    /// <summary>Not run: the conversation hit the per-hour cap of firings.</summary>
    public bool Capped { get; private set; }
    public DateTimeOffset At { get; private set; }
}
