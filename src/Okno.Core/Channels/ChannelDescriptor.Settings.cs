using System.Globalization;
using System.Text.Json.Nodes;

namespace Okno.Core.Channels;

public sealed partial record ChannelDescriptor
{
    private static readonly char[] ListSeparators = [',', ';', ' ', '\n', '\r', '\t'];

    /// <summary>
    /// Checks settings against the schema and returns them normalized: numbers and numeric strings become numbers,
    /// "true"/"false" become booleans, a comma-separated list becomes an array, empty values are dropped.
    /// Every message names its setting («Обязательная настройка: accessToken»). Unknown settings are kept as they are.
    /// </summary>
    public (JsonObject Settings, Dictionary<string, string> Errors) Normalize(JsonObject input)
    {
        var output = new JsonObject();
        var errors = new Dictionary<string, string>();
        foreach (var (name, value) in input)
        {
            if (IsEmpty(value)) continue;
            if (Setting(name) is not { } spec) { output[name] = value!.DeepClone(); continue; }
            if (Read(spec, value!) is { } normalized) output[name] = normalized;
            else errors[name] = $"{name}: {TypeHint(spec)}";
        }
        foreach (var spec in Settings.Where(s => s.Required && !output.ContainsKey(s.Name) && !errors.ContainsKey(s.Name)))
            errors[spec.Name] = "Обязательная настройка: " + spec.Name;
        foreach (var spec in Settings.Where(s => s.Choices is not null && output[s.Name] is JsonValue))
            if (!spec.Choices!.Contains(output[spec.Name]!.GetValue<string>()))
                errors[spec.Name] = $"{spec.Name}: допустимые значения — {string.Join(", ", spec.Choices!)}";
        return (output, errors);
    }

    private static bool IsEmpty(JsonNode? value) => value is null ||
        (value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)) ||
        (value is JsonArray a && a.Count == 0);

    private static JsonNode? Read(ChannelSetting spec, JsonNode value) => spec.Type switch
    {
        SettingType.Number => ReadNumber(value),
        SettingType.Boolean => ReadBoolean(value),
        SettingType.Url => ReadString(value) is { } url && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) &&
            uri.Scheme is "http" or "https" ? JsonValue.Create(url.Trim()) : null,
        SettingType.List => ReadList(value),
        _ => ReadString(value) is { } s ? JsonValue.Create(s) : null,
    };

    private static string? ReadString(JsonNode value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };

    private static JsonNode? ReadNumber(JsonNode value)
    {
        if (value is not JsonValue v) return null;
        // A JSON number (of any CLR type behind it) and a numeric string read the same way.
        var text = v.GetValueKind() is System.Text.Json.JsonValueKind.Number ? v.ToJsonString()
            : v.TryGetValue<string>(out var s) ? s.Trim() : null;
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : null;
    }

    private static JsonNode? ReadBoolean(JsonNode value) => value switch
    {
        JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False =>
            JsonValue.Create(v.GetValueKind() is System.Text.Json.JsonValueKind.True),
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s.Trim(), out var b) => JsonValue.Create(b),
        _ => null,
    };

    private static JsonArray? ReadList(JsonNode value)
    {
        IEnumerable<string?> items = value switch
        {
            JsonArray a => a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null),
            JsonValue v when v.TryGetValue<string>(out var s) => s.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries),
            _ => [null],
        };
        var list = items.ToList();
        if (list.Any(s => s is null)) return null;
        return new JsonArray(list.Select(s => s!.Trim()).Where(s => s.Length > 0).Select(s => (JsonNode)JsonValue.Create(s)).ToArray());
    }

    private static string TypeHint(ChannelSetting spec) => spec.Type switch
    {
        SettingType.Number => "нужно число, например " + spec.Example,
        SettingType.Boolean => "нужно true или false",
        SettingType.Url => "нужен адрес вида https://…",
        SettingType.List => "нужен список через запятую",
        _ => "нужна строка",
    };
}
