using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Core.Rules;

namespace Okno.Web.Rules;

/// <summary>A stored rule's conditions and actions, read back from their JSON.</summary>
public sealed record RuleDefinition(IReadOnlyList<RuleCondition> Conditions, IReadOnlyList<JsonObject> Actions)
{
    public static RuleDefinition Of(Rule rule) => new(ParseConditions(rule.ConditionsJson), ParseActions(rule.ActionsJson));

    public static IReadOnlyList<RuleCondition> ParseConditions(string json) =>
        (JsonNode.Parse(json) as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => new RuleCondition(RuleParams.String(c, "field") ?? "", RuleParams.String(c, "op") ?? "eq", c["value"]?.DeepClone())).ToList();

    public static IReadOnlyList<JsonObject> ParseActions(string json) => (JsonNode.Parse(json) as JsonArray ?? []).OfType<JsonObject>().ToList();

    public static string Json(IEnumerable<RuleCondition> conditions) =>
        new JsonArray(conditions.Select(c => (JsonNode)new JsonObject { ["field"] = c.Field, ["op"] = c.Op, ["value"] = c.Value?.DeepClone() }).ToArray()).ToJsonString(Options);

    public static string Json(IEnumerable<JsonObject> actions) => new JsonArray(actions.Select(a => (JsonNode)a.DeepClone()).ToArray()).ToJsonString(Options);

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every condition holds (none: always), and the lines that say why.</summary>
    public (bool Match, string Why) Test(RuleFacts facts)
    {
        if (Conditions.Count == 0) return (true, "условий нет");
        var lines = new List<string>();
        foreach (var c in Conditions)
        {
            var (ok, why) = c.Test(facts);
            lines.Add(why);
            if (!ok) return (false, string.Join("; ", lines));
        }
        return (true, string.Join("; ", lines));
    }
}
