using System.Text.Json.Nodes;
using Okno.Core.Desk;
using Okno.Core.Rules;

namespace Okno.Web.Rules;

public sealed record RuleDto(long Id, string Name, string Event, string? After, string? Schedule, bool BusinessHoursOnly, JsonArray Conditions,
    JsonArray Actions, bool Enabled, int Order, string? Preset, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static RuleDto From(Rule r) => new(r.Id, r.Name, r.Event, IsoDuration.Format(r.AfterSeconds), r.Schedule, r.BusinessHoursOnly,
        (JsonNode.Parse(r.ConditionsJson) as JsonArray) ?? [], (JsonNode.Parse(r.ActionsJson) as JsonArray) ?? [], r.Enabled, r.Order, r.Preset, r.CreatedAt, r.UpdatedAt);
}

/// <summary>One line of a rule's log: when, on which conversation and event, why it matched, what each action did.</summary>
public sealed record RuleFiringDto(long Id, long RuleId, long ConversationId, string Event, DateTimeOffset At, string Why, bool Ok, bool Capped, JsonArray Actions)
{
    public static RuleFiringDto From(RuleFiring f) => new(f.Id, f.RuleId, f.ConversationId, f.Event, f.At, f.Why, f.Ok, f.Capped,
        (JsonNode.Parse(f.OutcomesJson) as JsonArray) ?? []);
}

/// <summary>The answer of a dry run: whether the rule would fire on the sample, why, and the actions it would run (none run).</summary>
public sealed record RuleTestResult(bool Match, string Why, IReadOnlyList<string> Actions);

public sealed record RulePresetDto(string Key, string Name, string Description);
