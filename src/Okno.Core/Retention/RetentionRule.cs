namespace Okno.Core.Retention;

public enum RetentionAction
{
    /// <summary>Messages and files go; the conversation row stays (statistics: counts, times, outcome).</summary>
    Delete,
    /// <summary>Messages stay as empty records (direction, time, status — message counts hold); texts and files go.</summary>
    Anonymise,
}

/// <summary>Which conversations a rule covers by their outcome: all, those marked target, those marked not target.</summary>
public enum RetentionTarget
{
    Any,
    Target,
    NonTarget,
}

/// <summary>"N months after a request is resolved, delete / anonymise its messages and files", optionally for one channel.</summary>
public sealed class RetentionRule
{
    private RetentionRule() { }

    public RetentionRule(RetentionAction action, int months, RetentionTarget target, Guid? channelAccountId)
    {
        Action = action;
        Months = months;
        Target = target;
        ChannelAccountId = channelAccountId;
    }

    public long Id { get; private set; }
    public RetentionAction Action { get; private set; }
    public int Months { get; private set; }
    public RetentionTarget Target { get; private set; }
    public Guid? ChannelAccountId { get; private set; }

    public const int MaxMonths = 1200;

    public bool Covers(Guid channelAccountId, bool? isTarget) =>
        (ChannelAccountId is null || ChannelAccountId == channelAccountId)
        && Target switch { RetentionTarget.Target => isTarget == true, RetentionTarget.NonTarget => isTarget == false, _ => true };

    /// <summary>A rule for one channel beats a rule for all; one for an outcome beats one for any.</summary>
    public int Specificity => (ChannelAccountId is null ? 0 : 2) + (Target == RetentionTarget.Any ? 0 : 1);

    /// <summary>The rule that decides a conversation: the most specific that covers it; of equals, the shortest.</summary>
    public static RetentionRule? For(IEnumerable<RetentionRule> rules, Guid channelAccountId, bool? isTarget) =>
        rules.Where(r => r.Covers(channelAccountId, isTarget)).OrderByDescending(r => r.Specificity).ThenBy(r => r.Months).FirstOrDefault();
}
