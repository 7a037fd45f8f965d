using Okno.Core.Conversations;
using Okno.Core.Desk;

namespace Okno.Web.Desk;

public sealed record SlaBreachDto(string Kind, DateTimeOffset At);

/// <summary>ConversationDto.sla: null when no policy applies.</summary>
public sealed record SlaDto(long? PolicyId, DateTimeOffset? FirstResponseDueAt, DateTimeOffset? NextResponseDueAt, DateTimeOffset? ResolutionDueAt,
    string State, IReadOnlyList<SlaBreachDto> Breaches)
{
    public static SlaDto? From(Conversation c) => c.SlaPolicyId is null && c.SlaBreaches.Count == 0 ? null
        : new(c.SlaPolicyId, c.FirstResponseDueAt, c.NextResponseDueAt, c.ResolutionDueAt, DeskNames.Wire(c.SlaState),
            c.SlaBreaches.Select(b => new SlaBreachDto(b.Kind, b.At)).ToList());
}
