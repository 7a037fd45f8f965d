using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.JSInterop;

namespace Okno.Web.Ui.Components.Admin;

/// <summary>
/// Only for the one call whose answer must reach the browser as HTTP: a password change re-issues this tab's
/// cookie. Everything else in the UI calls the feature queries and commands directly (UiData.Run).
/// </summary>
public static class AdminApi
{
    public sealed record Reply(int Status, string Body);

    public static async Task<(JsonNode? Body, string? Error)> CallAsync(IJSRuntime js, string method, string url, object? body = null)
    {
        var r = await js.InvokeAsync<Reply>("okno.api", method, url, body);
        JsonNode? node = null;
        try { node = string.IsNullOrEmpty(r.Body) ? null : JsonNode.Parse(r.Body); } catch (JsonException) { }
        if (r.Status is >= 200 and < 300) return (node, null);
        return (node, ErrorText(node, r));
    }

    private static string ErrorText(JsonNode? node, Reply r)
    {
        if (node is JsonObject o)
        {
            if (o["errors"] is JsonObject errors)
                return string.Join(" ", errors.Select(e => e.Value is JsonArray a ? string.Join(" ", a.Select(x => x?.ToString())) : e.Value?.ToString()));
            if (o["detail"]?.ToString() is { Length: > 0 } detail) return detail;
            if (o["title"]?.ToString() is { Length: > 0 } title) return title;
        }
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) return s;
        return $"Ошибка {r.Status}.";
    }
}
