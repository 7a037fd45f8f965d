using System.Text.Json.Serialization;
using Okno.Core.Channels;
using Okno.Core.Messages;

namespace Okno.Core.Events;

/// <summary>
/// What operators must see at once: the typed records of the one live-event stream (<see cref="ILiveEvents"/>).
/// Carries ids, never message text or phones. The type names travel between nodes (the Redis relay).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MessageCreated), "messageCreated")]
[JsonDerivedType(typeof(MessageStatusChanged), "messageStatusChanged")]
[JsonDerivedType(typeof(ConversationUpdated), "conversationUpdated")]
[JsonDerivedType(typeof(ChannelStatusChanged), "channelStatusChanged")]
[JsonDerivedType(typeof(UserNotified), "notification")]
[JsonDerivedType(typeof(Desk.PresenceChanged), "presenceChanged")]
[JsonDerivedType(typeof(Desk.QueueChanged), "queueChanged")]
[JsonDerivedType(typeof(Desk.ConversationAssigned), "conversationAssigned")]
[JsonDerivedType(typeof(Desk.SlaAtRisk), "slaAtRisk")]
[JsonDerivedType(typeof(Desk.SlaBreached), "slaBreached")]
[JsonDerivedType(typeof(ConversationOpened), "conversationOpened")]
[JsonDerivedType(typeof(ContactCreated), "contactCreated")]
[JsonDerivedType(typeof(ContactsMerged), "contactsMerged")]
public abstract record OknoEvent
{
    /// <summary>The assignee, so the audience (<see cref="LiveAudience"/>) includes them besides those who see everything.</summary>
    public long? AssigneeId { get; init; }
}

public sealed record MessageCreated(long ConversationId, long MessageId, long ContactId, MessageDirection Direction) : OknoEvent
{
    /// <summary>An auto-reply or a bounce (e-mail out-of-office, Auto-Submitted): rules never answer it.</summary>
    public bool Quiet { get; init; }
}

public sealed record MessageStatusChanged(long ConversationId, long MessageId, MessageStatus Status, string? Error) : OknoEvent;

public sealed record ConversationUpdated(long ConversationId, ConversationChange Change) : OknoEvent;

public sealed record ChannelStatusChanged(Guid ChannelId, ChannelStatus Status, string? Reason) : OknoEvent;

/// <summary>A new request (the first message of a client, or the firm's first message to a new chat).</summary>
public sealed record ConversationOpened(long ConversationId, long ContactId) : OknoEvent;

public sealed record ContactCreated(long ContactId) : OknoEvent;

/// <summary>Another contact was merged into the survivor (its identities, requests and history moved).</summary>
public sealed record ContactsMerged(long SurvivorId, long MergedId) : OknoEvent;

/// <summary>A notice for one person (hand-off, return, mention).</summary>
public sealed record UserNotified(long UserId, string Text, long? ConversationId) : OknoEvent;

/// <summary>What changed in a conversation; the hub sends the camelCase name ("message", "handedOff", …).</summary>
public enum ConversationChange
{
    Message,
    Reply,
    Attachment,
    Edited,
    Returned,
    Woken,
    Assigned,
    HandedOff,
    Resolved,
    Reopened,
    Snoozed,
    Target,
    Read,
    /// <summary>The desk took it from an assignee who left the client unanswered or went offline.</summary>
    Transferred,
}

/// <summary>
/// Who receives an event — decided here once for the hub's groups and the operator app's circuits alike:
/// everyone who sees all conversations (<see cref="Staff"/>) and/or the listed users.
/// </summary>
public sealed record LiveAudience(bool Staff, IReadOnlyList<long> Users)
{
    public static LiveAudience For(OknoEvent e) => e switch
    {
        UserNotified n => new(false, [n.UserId]),
        ChannelStatusChanged => new(true, []),
        _ => new(true, e.AssigneeId is { } a ? [a] : []),
    };

    /// <summary>Whether a signed-in user (who sees everything or not) is in the audience.</summary>
    public bool Includes(long userId, bool seesAll) => (Staff && seesAll) || Users.Contains(userId);
}
