using Okno.Core.Channels;
using Okno.Core.Conversations;

namespace Okno.Web.Ui;

/// <summary>One line of the conversation list, already masked for the viewer.</summary>
public sealed record InboxRow(long Id, long ContactId, string Name, IReadOnlyList<ChannelKind> Kinds, string? Preview,
    DateTimeOffset LastMessageAt, DateTimeOffset? WaitingSince, int Unread, ConversationStatus Status, long? AssigneeId,
    string? AssigneeName, bool HandedOff, DateTimeOffset? ReturnBy, DateTimeOffset? SnoozedUntil = null)
{
    /// <summary>The desk's marks: the team, the place in the team's queue (with since when), the SLA's nearest due time and state.</summary>
    public DeskMarks Desk { get; init; } = DeskMarks.None;

    /// <summary>Behind an ethical wall (only the named users see it — the viewer is one of them).</summary>
    public bool Restricted { get; init; }
}

public sealed record DeskMarks(long? TeamId, int? QueuePosition, DateTimeOffset? QueueSince, DateTimeOffset? SlaDueAt, Okno.Core.Desk.SlaState SlaState)
{
    public static readonly DeskMarks None = new(null, null, null, null, Okno.Core.Desk.SlaState.Ok);

    /// <summary>The soonest of the running SLA clocks; breached shows the most recent breach when no clock runs.</summary>
    public static DeskMarks Of(Conversation c, Okno.Core.Desk.QueueEntry? queued)
    {
        DateTimeOffset?[] dues = [c.FirstResponseDueAt, c.NextResponseDueAt, c.ResolutionDueAt];
        var due = dues.Where(d => d is not null).Min();
        return new(c.TeamId, queued?.Position, queued?.WaitingSince, due, c.SlaPolicyId is null ? Okno.Core.Desk.SlaState.Ok : c.SlaState);
    }
}

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
