using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Okno.Simulators;

/// <summary>Reads a stand-in's request into a JSON object for recording: JSON bodies as they are, forms field by field.</summary>
public static class SimRequest
{
    public static async Task<JsonObject> ReadAsync(HttpRequest request)
    {
        var result = new JsonObject();
        foreach (var q in request.Query) result[q.Key] = q.Value.ToString();
        if (request.HasJsonContentType())
        {
            try
            {
                if (await JsonNode.ParseAsync(request.Body) is JsonObject json)
                    foreach (var p in json.ToList()) result[p.Key] = p.Value?.DeepClone();
            }
            catch (JsonException) { result["_invalidJson"] = true; }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var f in form) result[f.Key] = f.Value.ToString();
            foreach (var file in form.Files) result[file.Name] = $"{file.FileName} ({file.Length} bytes, {file.ContentType})";
        }
        return result;
    }

    public static IReadOnlyDictionary<string, string> Headers(HttpRequest request) =>
        request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    public static string? Str(this JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : o[name]?.ToJsonString();
}
