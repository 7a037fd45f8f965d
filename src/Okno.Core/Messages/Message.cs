namespace Okno.Core.Messages;

/// <summary>One inbound or outbound message, note or event in a conversation.</summary>
public sealed class Message
{
    private Message() { }

    public static Message Inbound(long conversationId, long contactId, Guid channelAccountId, string? externalId,
        MessageKind kind, string? text, DateTimeOffset platformTime, DateTimeOffset now) => new()
    {
        ConversationId = conversationId,
        ContactId = contactId,
        ChannelAccountId = channelAccountId,
        ExternalId = externalId,
        Direction = MessageDirection.Inbound,
        Kind = kind,
        Text = text,
        Status = MessageStatus.Received,
        SentAt = platformTime,
        CreatedAt = now,
    };

    /// <summary>A message sent from the platform's own app (an echo we did not originate), already sent.</summary>
    public static Message Echo(long conversationId, long contactId, Guid channelAccountId, string? externalId,
        MessageKind kind, string? text, DateTimeOffset platformTime, DateTimeOffset now)
    {
        var m = Inbound(conversationId, contactId, channelAccountId, externalId, kind, text, platformTime, now);
        m.Direction = MessageDirection.Outbound;
        m.Status = MessageStatus.Sent;
        return m;
    }

    public static Message Reply(long conversationId, long contactId, Guid channelAccountId, string? text,
        long? authorId, DateTimeOffset now, string? template = null) => new()
    {
        ConversationId = conversationId,
        ContactId = contactId,
        ChannelAccountId = channelAccountId,
        Direction = MessageDirection.Outbound,
        Kind = MessageKind.Text,
        Text = text,
        Template = template,
        Status = MessageStatus.Pending,
        AuthorId = authorId,
        CreatedAt = now,
    };

    public static Message Note(long conversationId, long contactId, string text, long? authorId, DateTimeOffset now, MessageKind kind = MessageKind.Note,
        Events.ConversationChange? action = null) => new()
    {
        Action = action,
        ConversationId = conversationId,
        ContactId = contactId,
        Direction = MessageDirection.Outbound,
        Kind = kind,
        Text = text,
        Status = MessageStatus.Sent,
        AuthorId = authorId,
        CreatedAt = now,
    };

    public long Id { get; private set; }
    public long ConversationId { get; private set; }
    /// <summary>Denormalized so that a contact's whole history is one indexed range.</summary>
    public long ContactId { get; private set; }
    public MessageDirection Direction { get; private set; }
    public MessageKind Kind { get; private set; }
    public string? Text { get; private set; }
    /// <summary>JSON of a template send (WhatsApp outside the 24-hour window).</summary>
    public string? Template { get; private set; }
    public Guid? ChannelAccountId { get; private set; }
    /// <summary>The platform's message id; unique per channel account.</summary>
    public string? ExternalId { get; private set; }
    public MessageStatus Status { get; private set; }
    public string? Error { get; private set; }
    public long? AuthorId { get; private set; }
    /// <summary>When the platform says the message was written (inbound) or when it was sent (outbound).</summary>
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EditedAt { get; private set; }
    /// <summary>On a system line (<see cref="MessageKind.Event"/>): what it records (hand-off, assignment, resolve…), for the request's metrics.</summary>
    public Events.ConversationChange? Action { get; private set; }
    public List<Attachment> Attachments { get; private set; } = [];

    public void MarkSent(string? externalId, DateTimeOffset at)
    {
        ExternalId ??= externalId;
        SentAt ??= at;
        Error = null;
        Advance(MessageStatus.Sent);
    }

    /// <summary>Applies a receipt. Never moves a status back: a late "delivered" after "read" changes nothing.</summary>
    public bool Advance(MessageStatus to)
    {
        if (Direction != MessageDirection.Outbound || to <= MessageStatus.Pending) return false;
        if (to == MessageStatus.Failed) return false; // failures go through MarkFailed, which carries the reason
        if (Status != MessageStatus.Failed && to <= Status) return false;
        if (Status == MessageStatus.Failed && to == MessageStatus.Sent) return false;
        Status = to;
        if (to > MessageStatus.Sent) Error = null;
        return true;
    }

    public bool MarkFailed(string reason)
    {
        if (Status is MessageStatus.Delivered or MessageStatus.Read) return false; // it arrived after all
        Status = MessageStatus.Failed;
        Error = reason;
        return true;
    }

    /// <summary>An operator asked to try a failed message again.</summary>
    public void Requeue()
    {
        if (Status != MessageStatus.Failed) throw new DomainException("Повторить можно только неотправленное сообщение.");
        Status = MessageStatus.Pending;
        Error = null;
    }

    public void Edit(string? text, DateTimeOffset at)
    {
        Text = text;
        EditedAt = at;
    }

    public void UseChannel(Guid channelAccountId) => ChannelAccountId = channelAccountId;

    public void MoveTo(long conversationId, long contactId)
    {
        ConversationId = conversationId;
        ContactId = contactId;
    }
}
