namespace Okno.Core.Messages;

public enum OutboxKind
{
    Send,
    DownloadMedia,
}

/// <summary>Work that follows a commit and needs the network: sending a reply, fetching media.</summary>
public sealed class OutboxItem
{
    private OutboxItem() { }

    public OutboxItem(OutboxKind kind, long messageId, DateTimeOffset dueAt, long? attachmentId = null)
    {
        Kind = kind;
        MessageId = messageId;
        AttachmentId = attachmentId;
        DueAt = dueAt;
        CreatedAt = dueAt;
    }

    public OutboxItem(OutboxKind kind, Message message, DateTimeOffset dueAt)
    {
        Kind = kind;
        Message = message;
        DueAt = dueAt;
        CreatedAt = dueAt;
    }

    public long Id { get; private set; }
    public OutboxKind Kind { get; private set; }
    public long MessageId { get; private set; }
    public Message? Message { get; private set; }
    public long? AttachmentId { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>A worker holds the item until then; a crashed worker's claim simply expires.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void RetryAt(DateTimeOffset dueAt, string reason)
    {
        Attempts++;
        DueAt = dueAt;
        LastError = reason;
        ClaimedUntil = null;
    }

    /// <summary>Backoff for the n-th retry: 2, 4, 8 … seconds, capped at 5 minutes.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Max(1, attempt))));
}
