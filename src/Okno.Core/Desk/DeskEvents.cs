using Okno.Core.Events;

namespace Okno.Core.Desk;

public sealed record PresenceChanged(long UserId, PresenceStatus Status, DateTimeOffset Since) : OknoEvent;

/// <summary>The waiting requests of a team (null: those without a team) changed: who is in, or the order.</summary>
public sealed record QueueChanged(long? TeamId) : OknoEvent;

public sealed record ConversationAssigned(long ConversationId, long UserId, AssignmentReason AssignedBy) : OknoEvent;

public sealed record SlaAtRisk(long ConversationId, string Kind, DateTimeOffset DueAt) : OknoEvent;

public sealed record SlaBreached(long ConversationId, string Kind, DateTimeOffset At) : OknoEvent;
