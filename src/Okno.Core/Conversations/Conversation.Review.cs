namespace Okno.Core.Conversations;

/// <summary>Quality control's view of a request: who gave the target verdict, the client's satisfaction score.</summary>
public sealed partial class Conversation
{
    /// <summary>Who marked the request target / not target last (the audit of "not target" counts overturns per this person).</summary>
    public long? TargetSetById { get; private set; }
    public DateTimeOffset? TargetSetAt { get; private set; }
    /// <summary>A reviewer overturned this request's "not target" verdict (it counts as target again).</summary>
    public bool NotTargetOverturned { get; private set; }
    /// <summary>When the survey was sent after resolving; a score is accepted within <see cref="CsatWindow"/> of it.</summary>
    public DateTimeOffset? CsatAskedAt { get; private set; }

    public static readonly TimeSpan CsatWindow = TimeSpan.FromDays(3);

    private void RecordVerdict(long? byUserId, DateTimeOffset? now)
    {
        TargetSetById = byUserId;
        TargetSetAt = now;
        NotTargetOverturned = false;
    }

    /// <summary>The reviewer disagrees with "not target": the request counts as target; the reason stays in the audit record.</summary>
    public void OverturnNotTarget()
    {
        if (IsTarget != false) throw new DomainException("Обращение не отмечено как не целевое.");
        IsTarget = true;
        NotTargetReason = null;
        NotTargetOverturned = true;
    }

    public void MarkCsatAsked(DateTimeOffset now) => CsatAskedAt = now;

    /// <summary>A survey was sent, no score yet, and the window is still open.</summary>
    public bool AwaitsCsat(DateTimeOffset now) =>
        Status == ConversationStatus.Resolved && CsatScore is null && CsatAskedAt is { } asked && now - asked <= CsatWindow;
}
