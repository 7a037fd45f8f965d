using Okno.Core.Contacts;
using Okno.Core.Messages;

namespace Okno.Core.Channels;

public enum InboundEventKind
{
    /// <summary>A client's message.</summary>
    Message,
    /// <summary>A message sent from the platform's own app or phone, not through Okno.</summary>
    Echo,
    /// <summary>The client edited a message we have.</summary>
    Edit,
    /// <summary>Delivery / read / failure of one of our messages.</summary>
    Receipt,
    /// <summary>The channel account's connection changed (authorized, banned, session dropped…).</summary>
    ChannelState,
    /// <summary>The client allowed or forbade messages from us on this account.</summary>
    EndpointState,
}

/// <summary>What a connector makes of one platform event: the same shape for every channel.</summary>
public sealed record InboundEvent
{
    public required InboundEventKind Kind { get; init; }
    /// <summary>The platform's event id (Telegram update_id, VK event_id); an event is processed once per key.</summary>
    public string? DedupeKey { get; init; }
    /// <summary>The platform's message id; for receipts, the id of our message.</summary>
    public string? ExternalId { get; init; }
    public InboundSender? Sender { get; init; }
    public MessageKind MessageKind { get; init; } = MessageKind.Text;
    public string? Text { get; init; }
    public IReadOnlyList<InboundAttachment> Attachments { get; init; } = [];
    /// <summary>When the platform says it happened.</summary>
    public DateTimeOffset Timestamp { get; init; }
    public MessageStatus? ReceiptStatus { get; init; }
    /// <summary>A failure reason in words an operator understands.</summary>
    public string? ReceiptError { get; init; }
    public ChannelStatus? ChannelStatus { get; init; }
    public string? StatusReason { get; init; }
    /// <summary>For a state the connector polled: when it asked. A status recorded after that (a webhook that came in
    /// while the poll was on its way) is newer and stays.</summary>
    public DateTimeOffset? AskedAt { get; init; }
    public bool? EndpointBlocked { get; init; }
    /// <summary>JSON lead-source details (ad, page, UTM) for a conversation this message opens.</summary>
    public string? SourceDetails { get; init; }
    /// <summary>An auto-reply or bounce: stored with the contact's latest request, never opens a new one.</summary>
    public bool Quiet { get; init; }
    /// <summary>The consent to personal-data processing the sender gave with this message (the site chat's form).</summary>
    public InboundConsent? Consent { get; init; }
}

/// <summary>Which wording the client agreed to, when, and through which form (<see cref="Privacy.Consent"/>).</summary>
public sealed record InboundConsent(string Text, DateTimeOffset GivenAt, string Source);

/// <summary>Who wrote, and where to answer them on this channel account.</summary>
public sealed record InboundSender(IdentityKind Kind, string Value, string? Name, string ReplyAddress)
{
    /// <summary>Further identities the platform revealed (a phone shared in Telegram, a WhatsApp user id).</summary>
    public IReadOnlyList<(IdentityKind Kind, string Value)> AlsoKnownAs { get; init; } = [];

    /// <summary>
    /// Phones or addresses the sender only says are theirs (typed into a form): kept as claims on the sender's own
    /// contact, never joined to another contact; an operator merges by hand after a "possible match" suggestion.
    /// </summary>
    public IReadOnlyList<(IdentityKind Kind, string Value)> Claims { get; init; } = [];

    /// <summary>
    /// False when nobody vouches that the sender owns <see cref="Value"/> (a letter's From: without an aligned
    /// DKIM/DMARC pass): the identity is stored as a claim and joins no verified contact.
    /// </summary>
    public bool Verified { get; init; } = true;
}

public sealed record InboundAttachment(string FileName, string ContentType, long? Size, string? SourceRef);
