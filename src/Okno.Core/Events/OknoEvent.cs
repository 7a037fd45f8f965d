using Okno.Core.Channels;
using Okno.Core.Messages;

namespace Okno.Core.Events;

/// <summary>What operators must see at once. Carries ids, never message text or phones.</summary>
public abstract record OknoEvent
{
    /// <summary>The assignee, so the hub can tell who may see it besides those who see everything.</summary>
    public long? AssigneeId { get; init; }
}

public sealed record MessageCreated(long ConversationId, long MessageId, long ContactId, string Direction) : OknoEvent;

public sealed record MessageStatusChanged(long ConversationId, long MessageId, MessageStatus Status, string? Error) : OknoEvent;

public sealed record ConversationUpdated(long ConversationId, string Change) : OknoEvent;

public sealed record ChannelStatusChanged(Guid ChannelId, ChannelStatus Status, string? Reason) : OknoEvent;

/// <summary>A notice for one person (hand-off, return, mention).</summary>
public sealed record UserNotified(long UserId, string Text, long? ConversationId) : OknoEvent;
