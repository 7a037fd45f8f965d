using System.Text.Json.Nodes;

namespace Okno.Channels.Common;

/// <summary>Small checks shared by the connectors' ValidateSettings.</summary>
public static class Settings
{
    public static void Require(JsonObject s, Dictionary<string, string> errors, params string[] names)
    {
        foreach (var name in names)
            if (s[name] is not JsonValue v || !v.TryGetValue<string>(out var str) || string.IsNullOrWhiteSpace(str))
                errors[name] = "Обязательная настройка.";
    }

    public static void OptionalUrl(JsonObject s, Dictionary<string, string> errors, string name = "apiBaseUrl")
    {
        if (s[name] is null) return;
        if (s[name] is not JsonValue v || !v.TryGetValue<string>(out var str) ||
            !Uri.TryCreate(str, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            errors[name] = "Нужен адрес вида https://…";
    }

    public static void OneOf(JsonObject s, Dictionary<string, string> errors, string name, params string[] allowed)
    {
        if (s[name] is null) return;
        if (s[name] is not JsonValue v || !v.TryGetValue<string>(out var str) || !allowed.Contains(str))
            errors[name] = "Допустимые значения: " + string.Join(", ", allowed) + ".";
    }

    public static string BaseUrl(string? configured, string fallback) => (string.IsNullOrWhiteSpace(configured) ? fallback : configured).TrimEnd('/');
}
