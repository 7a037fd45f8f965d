namespace Okno.Core.Conversations;

/// <summary>One request (обращение) of one contact. It can span channels; at most one is open per contact.</summary>
public sealed partial class Conversation
{
    private Conversation() { }

    public Conversation(long contactId, Guid sourceChannelAccountId, string? sourceDetails, DateTimeOffset now, bool isDemo = false)
    {
        ContactId = contactId;
        SourceChannelAccountId = sourceChannelAccountId;
        SourceDetails = sourceDetails;
        CreatedAt = now;
        LastMessageAt = now;
        Status = ConversationStatus.Open;
        IsDemo = isDemo;
    }

    /// <summary>
    /// A conversation the firm started from its own phone (a message typed in WhatsApp to a new chat): it waits for
    /// the client (Pending) and is not a client's request until the client answers — see docs/decisions/0014.
    /// </summary>
    public static Conversation OpenedByStaff(long contactId, Guid channelAccountId, DateTimeOffset now, bool isDemo = false) =>
        new(contactId, channelAccountId, null, now, isDemo) { Status = ConversationStatus.Pending };

    public long Id { get; private set; }
    public long ContactId { get; private set; }
    public ConversationStatus Status { get; private set; }
    public long? AssigneeId { get; private set; }
    /// <summary>The channel account of the first message: the lead source.</summary>
    public Guid SourceChannelAccountId { get; private set; }
    /// <summary>JSON: ad / item id, page URL, referrer, UTM, campaign — whatever the channel knows.</summary>
    public string? SourceDetails { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? FirstResponseAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public DateTimeOffset LastMessageAt { get; private set; }
    public string? LastMessagePreview { get; private set; }
    public DateTimeOffset? LastInboundAt { get; private set; }
    /// <summary>The client's messages not yet answered or read by staff.</summary>
    public int UnreadCount { get; private set; }
    public DateTimeOffset? SnoozedUntil { get; private set; }
    public long? HandedOffById { get; private set; }
    public DateTimeOffset? ReturnBy { get; private set; }
    public string? HandOffComment { get; private set; }
    public bool? IsTarget { get; private set; }
    public string? NotTargetReason { get; private set; }
    public bool IsDemo { get; private set; }
    /// <summary>When a retention rule removed this conversation's messages and files (the row stays for statistics).</summary>
    public DateTimeOffset? RetainedAt { get; private set; }

    /// <summary>Retention has removed the content: nothing the client wrote stays on the row either.</summary>
    public void MarkRetained(DateTimeOffset now)
    {
        RetainedAt = now;
        LastMessagePreview = null;
        HandOffComment = null;
        SourceDetails = null;
    }

    /// <summary>The client's data was erased: the row keeps times, counts, status and outcome, nothing the client wrote.</summary>
    public void EraseContent()
    {
        LastMessagePreview = null;
        HandOffComment = null;
        SourceDetails = null;
    }

    /// <summary>
    /// Keeps the list row current (ordered by when we received messages: platform clocks and late webhooks
    /// must not reorder the inbox); an inbound message also wakes a snoozed or pending request.
    /// </summary>
    public void RecordInbound(string preview, DateTimeOffset platformTime, DateTimeOffset receivedAt)
    {
        if (receivedAt >= LastMessageAt) { LastMessageAt = receivedAt; LastMessagePreview = Clip(preview); }
        if (LastInboundAt is null || platformTime > LastInboundAt) LastInboundAt = platformTime;
        UnreadCount++;
        WaitingSince ??= receivedAt;
        if (Status is ConversationStatus.Snoozed or ConversationStatus.Pending)
        {
            Status = ConversationStatus.Open;
            SnoozedUntil = null;
        }
    }

    public void RecordOutbound(string preview, DateTimeOffset at, bool byStaff)
    {
        if (at >= LastMessageAt) { LastMessageAt = at; LastMessagePreview = Clip(preview); }
        if (byStaff)
        {
            if (LastInboundAt is not null) FirstResponseAt ??= at; // a response answers the client: nothing to answer yet
            UnreadCount = 0;
            WaitingSince = null;
            TransferredFromId = null;
        }
    }

    public void MarkRead() => UnreadCount = 0;

    /// <summary>The preview column holds 200 characters (PostgreSQL enforces it): a long reply must not fail to save.</summary>
    private static string Clip(string preview) => preview.Length > 120 ? preview[..120] : preview;

    public void MoveToContact(long contactId) => ContactId = contactId;
}
