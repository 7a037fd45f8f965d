using System.Text.Json.Nodes;

namespace Okno.Web.Ui;

/// <summary>The reply box's template field: "name | param 1 | param 2", or a template JSON object as is.</summary>
public static class TemplateInput
{
    /// <summary>A WhatsApp Cloud API template object (language ru, body parameters as text), or null when empty.</summary>
    public static string? ToJson(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        if (input.TrimStart().StartsWith('{')) return input.Trim();
        var parts = input.Split('|', StringSplitOptions.TrimEntries);
        var template = new JsonObject { ["name"] = parts[0], ["language"] = new JsonObject { ["code"] = "ru" } };
        if (parts.Length > 1)
        {
            var parameters = new JsonArray(parts.Skip(1).Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = p }).ToArray());
            template["components"] = new JsonArray(new JsonObject { ["type"] = "body", ["parameters"] = parameters });
        }
        return template.ToJsonString();
    }
}
