using System.Text.Json.Nodes;

namespace Okno.Channels.Common;

/// <summary>Small checks shared by the connectors' ValidateSettings (the schema in each descriptor does the rest).</summary>
public static class Settings
{
    /// <summary>For settings required only together with others (the schema covers the always-required ones).</summary>
    public static void Require(JsonObject s, Dictionary<string, string> errors, params string[] names)
    {
        foreach (var name in names)
            if (s[name] is not JsonValue v || (v.TryGetValue<string>(out var str) && string.IsNullOrWhiteSpace(str)))
                errors[name] = "Обязательная настройка: " + name;
    }

    public static string BaseUrl(string? configured, string fallback) => (string.IsNullOrWhiteSpace(configured) ? fallback : configured).TrimEnd('/');
}
