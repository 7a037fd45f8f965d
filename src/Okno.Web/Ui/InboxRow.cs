using Okno.Core.Channels;
using Okno.Core.Conversations;

namespace Okno.Web.Ui;

/// <summary>One line of the conversation list, already masked for the viewer.</summary>
public sealed record InboxRow(long Id, long ContactId, string Name, IReadOnlyList<ChannelKind> Kinds, string? Preview,
    DateTimeOffset LastMessageAt, DateTimeOffset? WaitingSince, int Unread, ConversationStatus Status, long? AssigneeId,
    string? AssigneeName, bool HandedOff, DateTimeOffset? ReturnBy, DateTimeOffset? SnoozedUntil = null);

public enum InboxTab
{
    Mine,
    Queue,
    All,
    HandedToMe,
    /// <summary>What I handed to colleagues and when each comes back.</summary>
    HandedByMe,
}

/// <summary>The status filter of the list: what operators mean, not the raw statuses.</summary>
public enum StatusFilter
{
    Active,
    Snoozed,
    Resolved,
    Any,
}
