using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Web.Rules;

namespace Okno.Web.Ui.Components.Rules;

/// <summary>A rule as the screen's form holds it (plain strings), and the JSON the API takes.</summary>
public sealed class RuleDraft
{
    public long? Id { get; set; }
    public string Name { get; set; } = "";
    public string Event { get; set; } = RuleEvents.MessageReceived;
    public int? AfterMinutes { get; set; }
    public string? Schedule { get; set; }
    public bool BusinessHoursOnly { get; set; }
    public bool Enabled { get; set; } = true;
    public int Order { get; set; } = 100;
    public string? Preset { get; set; }
    public List<ConditionRow> Conditions { get; } = [];
    public List<ActionRow> Actions { get; } = [new() { Type = "reply" }];

    public sealed class ConditionRow
    {
        public string Field { get; set; } = "message.text";
        public string Op { get; set; } = "matches";
        public string Value { get; set; } = "";
    }

    public sealed class ActionRow
    {
        public string Type { get; set; } = "reply";
        public Dictionary<string, string> P { get; } = [];
        public string this[string name] { get => P.GetValueOrDefault(name, ""); set => P[name] = value; }
    }

    /// <summary>The fields each action type asks for on the form: (parameter, text key, kind).</summary>
    public static IReadOnlyList<(string Name, string Label, string Kind)> Params(string type) => type switch
    {
        "assign_team" => [("teamId", "rulesTeam", "team")],
        "assign_user" => [("userId", "rulesUser", "user")],
        "add_label" or "remove_label" => [("label", "rulesLabel", "text")],
        "set_practice_area" => [("practiceArea", "rulesPracticeArea", "text")],
        "reply" => [("text", "rulesText", "textarea"), ("everyTime", "rulesEveryTime", "bool")],
        "send_template" => [("templateName", "rulesTemplateName", "text"), ("templateLanguage", "rulesTemplateLanguage", "text")],
        "add_note" => [("text", "rulesText", "textarea")],
        "notify" => [("userIds", "rulesUsers", "text"), ("text", "rulesText", "textarea")],
        "snooze" => [("minutes", "rulesMinutes", "number")],
        "webhook" => [("endpointId", "rulesEndpoint", "endpoint")],
        "start_bot" => [("botId", "rulesBot", "number")],
        _ => [],
    };

    public JsonObject ToJson()
    {
        var body = new JsonObject
        {
            ["name"] = Name, ["event"] = Event, ["enabled"] = Enabled, ["order"] = Order, ["businessHoursOnly"] = BusinessHoursOnly,
            ["after"] = RuleEvents.NeedsAfter(Event) && AfterMinutes is { } m ? $"PT{m}M" : null,
            ["schedule"] = Event == RuleEvents.Schedule ? Schedule : null,
            ["conditions"] = new JsonArray(Conditions.Select(c => (JsonNode)new JsonObject { ["field"] = c.Field, ["op"] = c.Op, ["value"] = Value(c) }).ToArray()),
            ["actions"] = new JsonArray(Actions.Select(a => (JsonNode)Action(a)).ToArray()),
        };
        if (Preset is not null) body["preset"] = Preset;
        return body;
    }

    private static JsonNode? Value(ConditionRow c)
    {
        var type = RuleFields.Find(c.Field)?.Type;
        var v = c.Value.Trim();
        if (c.Op == "in" || (c.Op == "matches" && v.Contains(',', StringComparison.Ordinal)))
            return new JsonArray(v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => (JsonNode?)Scalar(x, type)).ToArray());
        return Scalar(v, type);
    }

    private static JsonNode? Scalar(string v, FieldType? type) => type switch
    {
        FieldType.Bool => v == "true",
        FieldType.Number when long.TryParse(v, out var n) => n,
        _ when v.Length == 0 => null,
        _ => v,
    };

    private static JsonObject Action(ActionRow a)
    {
        var o = new JsonObject { ["type"] = a.Type };
        foreach (var (name, _, kind) in Params(a.Type))
        {
            var v = a[name].Trim();
            switch (name)
            {
                case "templateName" or "templateLanguage":
                    var t = o["template"] as JsonObject ?? [];
                    t[name == "templateName" ? "name" : "language"] = v;
                    o["template"] = t;
                    break;
                case "minutes":
                    if (int.TryParse(v, out var minutes)) o["for"] = $"PT{minutes}M";
                    break;
                case "userIds":
                    o["userIds"] = new JsonArray(v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(x => long.TryParse(x, out var id) ? (JsonNode)id : x).ToArray());
                    break;
                default:
                    if (kind == "bool") { if (v == "true") o[name] = true; }
                    else if (kind is "team" or "user" or "endpoint" or "number") { if (long.TryParse(v, out var id)) o[name] = id; }
                    else if (v.Length > 0) o[name] = v;
                    break;
            }
        }
        return o;
    }

    public static RuleDraft From(RuleDto r)
    {
        var d = new RuleDraft
        {
            Id = r.Id, Name = r.Name, Event = r.Event, Schedule = r.Schedule, BusinessHoursOnly = r.BusinessHoursOnly, Enabled = r.Enabled, Order = r.Order, Preset = r.Preset,
            AfterMinutes = r.After is { } after && Okno.Core.Desk.IsoDuration.TryParse(after, out var span) ? (int)span.TotalMinutes : null,
        };
        d.Actions.Clear();
        foreach (var c in r.Conditions.OfType<JsonObject>())
            d.Conditions.Add(new ConditionRow { Field = c["field"]?.ToString() ?? "", Op = c["op"]?.ToString() ?? "eq", Value = Text(c["value"]) });
        foreach (var a in r.Actions.OfType<JsonObject>())
        {
            var row = new ActionRow { Type = a["type"]?.ToString() ?? "" };
            foreach (var (k, v) in a)
            {
                if (k == "template" && v is JsonObject t) { row["templateName"] = t["name"]?.ToString() ?? ""; row["templateLanguage"] = t["language"] is JsonObject l ? l["code"]?.ToString() ?? "" : t["language"]?.ToString() ?? ""; }
                else if (k == "for" && Okno.Core.Desk.IsoDuration.TryParse(v?.ToString(), out var f)) row["minutes"] = ((int)f.TotalMinutes).ToString(CultureInfo.InvariantCulture);
                else if (k != "type") row[k] = Text(v);
            }
            d.Actions.Add(row);
        }
        return d;
    }

    private static string Text(JsonNode? n) => n switch
    {
        null => "",
        JsonArray a => string.Join(", ", a.Select(x => Text(x))),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => n.ToJsonString(),
    };
}
