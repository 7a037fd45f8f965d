namespace Okno.Core.Conversations;

/// <summary>Quality control's view of a request: who gave the target verdict and whether a reviewer overturned it.</summary>
public sealed partial class Conversation
{
    /// <summary>Who marked the request target / not target last (the audit of "not target" counts overturns per this person).</summary>
    public long? TargetSetById { get; private set; }
    public DateTimeOffset? TargetSetAt { get; private set; }
    /// <summary>A reviewer overturned this request's "not target" verdict (it counts as target again).</summary>
    public bool NotTargetOverturned { get; private set; }

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
}
