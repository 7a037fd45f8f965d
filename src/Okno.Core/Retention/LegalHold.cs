namespace Okno.Core.Retention;

/// <summary>A contact or a conversation that no retention run, and no erase, may touch until the hold is released.</summary>
public sealed class LegalHold
{
    private LegalHold() { }

    public LegalHold(long? contactId, long? conversationId, string reason, long? createdById, DateTimeOffset now)
    {
        if ((contactId is null) == (conversationId is null)) throw new DomainException("Укажите либо contactId, либо conversationId.");
        ContactId = contactId;
        ConversationId = conversationId;
        Reason = reason;
        CreatedById = createdById;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public long? ContactId { get; private set; }
    public long? ConversationId { get; private set; }
    public string Reason { get; private set; } = "";
    public long? CreatedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }

    public const int MaxReasonLength = 500;

    public void Release(DateTimeOffset now) => ReleasedAt ??= now;
}
