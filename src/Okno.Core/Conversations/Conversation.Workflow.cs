namespace Okno.Core.Conversations;

public sealed partial class Conversation
{
    public const int MaxHandOffCommentLength = 1000;
    public const int MaxNotTargetReasonLength = Okno.Core.Conversations.NotTargetReason.MaxLength;

    public void Assign(long? userId, DateTimeOffset? now = null)
    {
        AssigneeId = userId;
        AssignedBy = userId is null ? null : Desk.AssignmentReason.Manual;
        AssignedAt = userId is null ? null : now;
        ClearHandOff();
    }

    /// <summary>Passes the request to a colleague; when <paramref name="returnBy"/> is set it comes back then.</summary>
    public void HandOff(long fromUserId, long toUserId, string? comment, DateTimeOffset? returnBy, DateTimeOffset now)
    {
        if (Status == ConversationStatus.Resolved) throw new DomainException("Обращение закрыто: сначала откройте его снова.");
        if (fromUserId == toUserId) throw new DomainException("Нельзя передать обращение самому себе.");
        if (returnBy is { } r && r <= now) throw new DomainException("Время возврата должно быть в будущем.");
        if (comment?.Trim() is { Length: > MaxHandOffCommentLength }) throw new DomainException($"Комментарий длиннее {MaxHandOffCommentLength} символов.");
        HandedOffById = fromUserId;
        AssigneeId = toUserId;
        AssignedBy = Desk.AssignmentReason.Manual;
        AssignedAt = now;
        HandOffComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ReturnBy = returnBy;
    }

    /// <summary>Gives the request back to whoever handed it off (early, or because the time came).</summary>
    public long ReturnToSender()
    {
        if (HandedOffById is not { } back) throw new DomainException("Обращение никто не передавал.");
        AssigneeId = back;
        AssignedBy = Desk.AssignmentReason.Manual;
        ClearHandOff();
        return back;
    }

    public bool IsReturnDue(DateTimeOffset now) => HandedOffById is not null && ReturnBy is { } r && r <= now;

    public void Resolve(DateTimeOffset now)
    {
        if (Status == ConversationStatus.Resolved) return;
        Status = ConversationStatus.Resolved;
        ResolvedAt = now;
        SnoozedUntil = null;
        UnreadCount = 0;
        ClearHandOff();
    }

    public void Reopen()
    {
        Status = ConversationStatus.Open;
        ResolvedAt = null;
    }

    public void Snooze(DateTimeOffset until, DateTimeOffset now)
    {
        if (until <= now) throw new DomainException("Отложить можно только до момента в будущем.");
        if (Status == ConversationStatus.Resolved) throw new DomainException("Обращение закрыто.");
        Status = ConversationStatus.Snoozed;
        SnoozedUntil = until;
    }

    public void Wake()
    {
        if (Status != ConversationStatus.Snoozed) return;
        Status = ConversationStatus.Open;
        SnoozedUntil = null;
    }

    public void MarkTarget(bool isTarget, string? reason, long? byUserId = null, DateTimeOffset? now = null)
    {
        if (!isTarget && string.IsNullOrWhiteSpace(reason)) throw new DomainException("Укажите причину, почему обращение не целевое.");
        if (!isTarget && reason!.Trim().Length > MaxNotTargetReasonLength) throw new DomainException($"Причина длиннее {MaxNotTargetReasonLength} символов.");
        IsTarget = isTarget;
        NotTargetReason = isTarget ? null : reason!.Trim();
        RecordVerdict(byUserId, now);
    }

    private void ClearHandOff()
    {
        HandedOffById = null;
        ReturnBy = null;
        HandOffComment = null;
    }
}
