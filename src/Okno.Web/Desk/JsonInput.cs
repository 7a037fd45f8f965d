using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Core.Desk;

namespace Okno.Web.Desk;

/// <summary>
/// Reads a JSON body field by field, collecting clear Russian messages per field (400 ValidationProblem).
/// PATCH needs "absent" apart from "null": <see cref="Has"/> tells them apart.
/// </summary>
public sealed class JsonInput(JsonObject? body)
{
    private readonly JsonObject _body = body ?? [];
    public Dictionary<string, string[]> Errors { get; } = [];
    public bool Ok => Errors.Count == 0;

    public bool Has(string name) => _body.ContainsKey(name);

    /// <summary>The field as sent, for structures read elsewhere (rules' conditions and actions).</summary>
    public JsonNode? Raw(string name) => _body[name];

    public void Error(string name, string message) => Errors[name] = [message];

    public string? String(string name, int max, bool required = false)
    {
        var node = _body[name];
        if (node is null) { if (required) Error(name, "Обязательное поле."); return null; }
        if (node.GetValueKind() != JsonValueKind.String) { Error(name, "Ожидается строка."); return null; }
        var s = node.GetValue<string>().Trim();
        if (required && s.Length == 0) { Error(name, "Не может быть пустым."); return null; }
        if (s.Length > max) { Error(name, $"Не длиннее {max} символов."); return null; }
        return s;
    }

    public int? Int(string name, int min, int max)
    {
        var node = _body[name];
        if (node is null) return null;
        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var v)) { Error(name, "Ожидается целое число."); return null; }
        if (v < min || v > max) { Error(name, $"От {min} до {max}."); return null; }
        return v;
    }

    public long? Long(string name)
    {
        var node = _body[name];
        if (node is null) return null;
        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<long>(out var v)) { Error(name, "Ожидается идентификатор (число)."); return null; }
        return v;
    }

    public bool? Bool(string name)
    {
        var node = _body[name];
        if (node is null) return null;
        if (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) { Error(name, "Ожидается true или false."); return null; }
        return node.GetValue<bool>();
    }

    /// <summary>An ISO 8601 duration in seconds; null when absent or JSON null.</summary>
    public long? Duration(string name)
    {
        var node = _body[name];
        if (node is null) return null;
        if (node.GetValueKind() != JsonValueKind.String || !IsoDuration.TryParse(node.GetValue<string>(), out var d)) { Error(name, IsoDuration.Hint); return null; }
        return (long)d.TotalSeconds;
    }

    public List<T>? Array<T>(string name, int maxItems, Func<JsonNode, T?> item, string itemHint)
    {
        var node = _body[name];
        if (node is null) return null;
        if (node is not JsonArray array) { Error(name, "Ожидается массив."); return null; }
        if (array.Count > maxItems) { Error(name, $"Не больше {maxItems} элементов."); return null; }
        var list = new List<T>();
        foreach (var element in array)
        {
            T? value = default;
            try { value = element is null ? default : item(element); }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException) { }
            if (value is null) { Error(name, itemHint); return null; }
            list.Add(value);
        }
        return list;
    }

    public List<long>? Ids(string name) => Array(name, 500, n => n.GetValueKind() == JsonValueKind.Number ? n.GetValue<long>() : (long?)null, "Ожидается массив числовых идентификаторов.")
        ?.Select(x => x!.Value).ToList();

    public List<Guid>? Guids(string name) => Array(name, 200, n => Guid.TryParse(n.GetValue<string>(), out var g) ? g : (Guid?)null, "Ожидается массив идентификаторов каналов (GUID).")
        ?.Select(x => x!.Value).ToList();

    public List<string>? Strings(string name, int maxLength) =>
        Array(name, 100, n => n.GetValue<string>() is { } s && s.Trim().Length is > 0 && s.Trim().Length <= maxLength ? s.Trim() : null, $"Ожидается массив строк от 1 до {maxLength} символов.");
}
