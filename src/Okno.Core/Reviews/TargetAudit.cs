namespace Okno.Core.Reviews;

/// <summary>
/// A reviewer's decision on one "not target" verdict: confirmed, or overturned (the request counts as target again,
/// <see cref="Conversations.Conversation.OverturnNotTarget"/>). Keeps the verdict's reason and author for the overturn rate.
/// </summary>
public sealed class TargetAudit
{
    public const int MaxCommentLength = 2000;

    private TargetAudit() { }

    public TargetAudit(long conversationId, long? verdictById, string? reason, bool overturned, long reviewerId, string? comment, DateTimeOffset now)
    {
        if (comment?.Trim() is { Length: > MaxCommentLength }) throw new DomainException($"Комментарий длиннее {MaxCommentLength} символов.");
        ConversationId = conversationId;
        VerdictById = verdictById;
        Reason = reason;
        Overturned = overturned;
        ReviewerId = reviewerId;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        At = now;
    }

    public long Id { get; private set; }
    public long ConversationId { get; private set; }
    /// <summary>Who marked the request "not target".</summary>
    public long? VerdictById { get; private set; }
    public string? Reason { get; private set; }
    public bool Overturned { get; private set; }
    public long ReviewerId { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset At { get; private set; }
}
