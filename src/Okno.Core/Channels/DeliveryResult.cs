namespace Okno.Core.Channels;

public enum DeliveryOutcome
{
    Sent,
    Retry,
    Failed,
}

/// <summary>What became of one send: explicit, so the sender worker never guesses from exceptions.</summary>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string? ExternalId = null, string? Reason = null,
    TimeSpan? RetryAfter = null, ChannelStatus? ChannelStatus = null, bool RecipientBlocked = false)
{
    public static DeliveryResult Sent(string? externalId) => new(DeliveryOutcome.Sent, externalId);

    public static DeliveryResult Retry(string reason, TimeSpan? after = null) => new(DeliveryOutcome.Retry, Reason: reason, RetryAfter: after);

    public static DeliveryResult Failed(string reason, ChannelStatus? channelStatus = null, bool recipientBlocked = false) =>
        new(DeliveryOutcome.Failed, Reason: reason, ChannelStatus: channelStatus, RecipientBlocked: recipientBlocked);
}

/// <summary>One message to send, with everything a connector needs and nothing it must look up.</summary>
public sealed record OutboundMessage
{
    public required long MessageId { get; init; }
    /// <summary>Stable across retries of this send: VK's random_id and similar idempotency keys come from it.</summary>
    public required long OutboxId { get; init; }
    public required long ConversationId { get; init; }
    /// <summary>The platform's address of the client on this account (chat id, phone, e-mail…).</summary>
    public required string Address { get; init; }
    public string? Text { get; init; }
    /// <summary>JSON template (WhatsApp), when the message is a template send.</summary>
    public string? Template { get; init; }
    public IReadOnlyList<OutboundAttachment> Attachments { get; init; } = [];
    /// <summary>Platform ids of earlier messages of this conversation on this account, newest first (e-mail threading).</summary>
    public IReadOnlyList<string> ThreadExternalIds { get; init; } = [];
    public string? Subject { get; init; }
}

public sealed record OutboundAttachment(string FileName, string ContentType, long? Size, string? PublicUrl, Func<CancellationToken, Task<Stream>>? Open);
