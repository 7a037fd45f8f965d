using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Core.Channels;
using Okno.Core.Quality;

namespace Okno.Web.Rules;

public enum FieldType { Text, Bool, Number, List, Id }

/// <summary>A condition field: its type and its plain Russian name.</summary>
public sealed record RuleField(string Name, FieldType Type, string Title, string TitleEn);

/// <summary>The condition fields (the issue's fixed names and a few more).</summary>
public static class RuleFields
{
    public static readonly IReadOnlyList<RuleField> All =
    [
        new("channel.kind", FieldType.Text, "Канал (вид)", "Channel kind"),
        new("channel.id", FieldType.Id, "Канал (подключение)", "Channel account"),
        new("message.text", FieldType.Text, "Текст сообщения", "Message text"),
        new("message.hasFiles", FieldType.Bool, "В сообщении файл", "Message has a file"),
        new("message.language", FieldType.Text, "Язык сообщения (ru, en)", "Message language (ru, en)"),
        new("businessHours.open", FieldType.Bool, "Рабочее время", "Business hours"),
        new("conversation.teamId", FieldType.Number, "Команда (id)", "Team (id)"),
        new("conversation.assigneeId", FieldType.Number, "Ответственный (id)", "Assignee (id)"),
        new("conversation.labels", FieldType.List, "Метки клиента", "Client labels"),
        new("conversation.practiceArea", FieldType.Text, "Отрасль права", "Practice area"),
        new("conversation.isTarget", FieldType.Bool, "Целевое обращение", "Target request"),
        new("conversation.status", FieldType.Text, "Статус (open, snoozed, resolved)", "Status"),
        new("contact.name", FieldType.Text, "Имя клиента", "Client name"),
        new("contact.isReturning", FieldType.Bool, "Клиент обращался раньше", "Returning client"),
    ];

    public static RuleField? Find(string name) => All.FirstOrDefault(f => f.Name == name);

    public static readonly IReadOnlyList<string> Ops = ["eq", "neq", "contains", "matches", "in", "gt", "lt"];

    public static string OpTitle(string op, bool english = false) => (op, english) switch
    {
        ("eq", false) => "равно", ("neq", false) => "не равно", ("contains", false) => "содержит",
        ("matches", false) => "содержит слова (в любой форме)", ("in", false) => "одно из", ("gt", false) => "больше", ("lt", false) => "меньше",
        ("eq", true) => "equals", ("neq", true) => "not equal", ("contains", true) => "contains",
        ("matches", true) => "has the words (any form)", ("in", true) => "one of", ("gt", true) => "greater than", ("lt", true) => "less than",
        _ => op,
    };
}

/// <summary>One condition: <c>{ "field", "op", "value" }</c>.</summary>
public sealed record RuleCondition(string Field, string Op, JsonNode? Value)
{
    /// <summary>Whether the fact satisfies it, and a line saying so for the firing log.</summary>
    public (bool Ok, string Why) Test(RuleFacts facts)
    {
        var actual = facts.Value(Field);
        var ok = Op switch
        {
            "eq" => Same(actual, Value),
            "neq" => !Same(actual, Value),
            "contains" => actual is JsonArray list ? Values(Value).Any(v => list.Any(x => Same(x, v)))
                : Text(actual) is { } t && Values(Value).Any(v => Text(v) is { Length: > 0 } s && t.Contains(s, StringComparison.OrdinalIgnoreCase)),
            "matches" => PolicyCheck.FindPhrase(Text(actual), Values(Value).Select(Text).OfType<string>()) is not null,
            "in" => Values(Value).Any(v => actual is JsonArray a ? a.Any(x => Same(x, v)) : Same(actual, v)),
            "gt" => Number(actual) is { } x && Number(Value) is { } y && x > y,
            "lt" => Number(actual) is { } x2 && Number(Value) is { } y2 && x2 < y2,
            _ => false,
        };
        var shown = Field == "message.text" ? "текст" : actual?.ToJsonString(Readable) ?? "null";
        return (ok, $"{Field} {Op} {Value?.ToJsonString(Readable) ?? "null"}: {(ok ? "да" : "нет")} ({shown})");
    }

    /// <summary>A clear message when the condition cannot work; null when it can.</summary>
    public string? Problem()
    {
        if (RuleFields.Find(Field) is not { } field) return $"Нет поля «{Field}». Есть: {string.Join(", ", RuleFields.All.Select(f => f.Name))}.";
        if (!RuleFields.Ops.Contains(Op)) return $"Нет операции «{Op}». Есть: {string.Join(", ", RuleFields.Ops)}.";
        if (Value is null && Op is not ("eq" or "neq")) return $"{Field}: укажите value.";
        if (Op == "in" && Value is not JsonArray) return $"{Field}: для «in» value — массив.";
        if (Op is "gt" or "lt" && (field.Type != FieldType.Number || Number(Value) is null)) return $"{Field}: «{Op}» — только для чисел.";
        if (Op == "matches" && (field.Type != FieldType.Text || !Values(Value).Any(v => Text(v) is { Length: > 0 }))) return $"{Field}: «matches» — слова для текстового поля.";
        if (field.Type == FieldType.Bool && Op is "eq" or "neq" && Value is not null && Value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            return $"{Field}: value — true или false.";
        if (Field == "channel.kind" && Op is "eq" or "neq" or "in" && Values(Value).Select(Text).FirstOrDefault(k => !ChannelKinds.TryParse(k, out _)) is { } bad)
            return $"channel.kind: нет вида канала «{bad}». Есть: {string.Join(", ", ChannelKinds.WireNames)}.";
        return null;
    }

    /// <summary>The log is read by people: Cyrillic as is, not \u-escaped.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IEnumerable<JsonNode?> Values(JsonNode? v) => v is JsonArray a ? a : [v];

    private static string? Text(JsonNode? n) => n is JsonValue v ? v.GetValueKind() switch
    {
        JsonValueKind.String => v.GetValue<string>(),
        JsonValueKind.Number => v.ToJsonString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    } : null;

    private static double? Number(JsonNode? n) => Text(n) is { } s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static bool Same(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a is JsonArray list) return list.Any(x => Same(x, b));
        if (Number(a) is { } x && Number(b) is { } y && a.GetValueKind() == JsonValueKind.Number) return x == y;
        return string.Equals(Text(a), Text(b), StringComparison.OrdinalIgnoreCase);
    }
}
