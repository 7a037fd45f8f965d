using Okno.Core.Desk;

namespace Okno.Core.Conversations;

/// <summary>The distribution desk's view of a request: its team, why it is with its assignee, how long the client waits, SLA.</summary>
public sealed partial class Conversation
{
    public long? TeamId { get; private set; }
    public AssignmentReason? AssignedBy { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
    /// <summary>The client's first message not yet answered by staff (the queue's order); null when answered.</summary>
    public DateTimeOffset? WaitingSince { get; private set; }
    /// <summary>Auto-transfer took it from this person: the desk does not give it straight back to them.</summary>
    public long? TransferredFromId { get; private set; }
    public long? SlaPolicyId { get; private set; }
    public bool SlaChecked { get; private set; }
    public DateTimeOffset? FirstResponseDueAt { get; private set; }
    public DateTimeOffset? NextResponseDueAt { get; private set; }
    public DateTimeOffset? ResolutionDueAt { get; private set; }
    public SlaState SlaState { get; private set; }
    /// <summary>JSON [{"kind":"first_response","at":"…"}]: every breach, for the timeline and reports.</summary>
    public string SlaBreachesJson { get; private set; } = "[]";
    /// <summary>When the client was told their place in the queue (once per request).</summary>
    public DateTimeOffset? QueueNoticeAt { get; private set; }

    public void MarkQueueNotice(DateTimeOffset now) => QueueNoticeAt ??= now;

    public void SetTeam(long? teamId) => TeamId = teamId;

    public void AssignBy(long userId, AssignmentReason reason, DateTimeOffset now)
    {
        AssigneeId = userId;
        AssignedBy = reason;
        AssignedAt = now;
        ClearHandOff();
    }

    /// <summary>Back to the queue because the assignee left the client unanswered (or went offline).</summary>
    public long TransferAway()
    {
        var from = AssigneeId ?? throw new DomainException("Обращение ни у кого.");
        TransferredFromId = from;
        AssigneeId = null;
        AssignedBy = null;
        AssignedAt = null;
        ClearHandOff();
        return from;
    }

    public void SetSlaPolicy(long? policyId)
    {
        SlaPolicyId = policyId;
        SlaChecked = true;
    }

    public void SetSla(DateTimeOffset? first, DateTimeOffset? next, DateTimeOffset? resolution, SlaState state)
    {
        FirstResponseDueAt = first;
        NextResponseDueAt = next;
        ResolutionDueAt = resolution;
        SlaState = state;
    }

    public IReadOnlyList<SlaBreach> SlaBreaches =>
        string.IsNullOrEmpty(SlaBreachesJson) ? [] : System.Text.Json.JsonSerializer.Deserialize<List<SlaBreach>>(SlaBreachesJson) ?? [];

    /// <returns>false when this breach (kind and due time) is already recorded.</returns>
    public bool RecordBreach(string kind, DateTimeOffset due)
    {
        var list = SlaBreaches.ToList();
        if (list.Any(b => b.Kind == kind && b.At == due)) return false;
        list.Add(new SlaBreach(kind, due));
        SlaBreachesJson = System.Text.Json.JsonSerializer.Serialize(list);
        return true;
    }
}

public sealed record SlaBreach(string Kind, DateTimeOffset At);
