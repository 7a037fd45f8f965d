using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Okno.Channels.WebChat;

/// <summary>A web-chat channel's settings, read once from the stored JSON (see ValidateSettings for the rules).</summary>
public sealed partial record WebChatSettings
{
    public const int DefaultMaxUploadMb = 10;
    public const int LimitMaxUploadMb = 25;

    public string Title { get; init; } = "Онлайн-консультация";
    public string Greeting { get; init; } = "Здравствуйте! Напишите ваш вопрос — юрист ответит здесь же.";
    public string Color { get; init; } = "#1f5fbf";
    public bool PreChatForm { get; init; }
    public string ConsentText { get; init; } = "Я согласен(на) на обработку персональных данных в соответствии с 152-ФЗ";
    public string? PolicyUrl { get; init; }
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];
    public BusinessHours? Hours { get; init; }
    public string? HmacSecret { get; init; }
    public int MaxUploadMb { get; init; } = DefaultMaxUploadMb;

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();

    public static WebChatSettings From(JsonObject s)
    {
        var hours = BusinessHours.TryParse(Str(s, "businessHours"), out var parsed) ? parsed : null;
        var defaults = new WebChatSettings();
        return new WebChatSettings
        {
            Title = Str(s, "title") ?? defaults.Title,
            Greeting = Str(s, "greeting") ?? defaults.Greeting,
            Color = Str(s, "color") is { } c && ColorPattern().IsMatch(c) ? c : defaults.Color,
            PreChatForm = s["preChatForm"] is JsonValue v && v.TryGetValue<bool>(out var b) && b,
            ConsentText = Str(s, "consentText") ?? defaults.ConsentText,
            PolicyUrl = Str(s, "policyUrl"),
            AllowedOrigins = Origins(s).Select(NormalizeOrigin).OfType<string>().ToList(),
            Hours = hours,
            HmacSecret = Str(s, "hmacSecret"),
            MaxUploadMb = s["maxUploadMb"] is JsonValue m && m.TryGetValue<int>(out var mb) ? Math.Clamp(mb, 1, LimitMaxUploadMb) : DefaultMaxUploadMb,
        };
    }

    public bool IsOriginAllowed(string origin) => NormalizeOrigin(origin) is { } o && AllowedOrigins.Contains(o, StringComparer.Ordinal);

    /// <summary>scheme://host[:port] in lower case, or null when it is not an http(s) origin.</summary>
    public static string? NormalizeOrigin(string? origin)
    {
        if (!Uri.TryCreate(origin?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https")) return null;
        if (uri.PathAndQuery is not ("/" or "") || !string.IsNullOrEmpty(uri.Fragment)) return null;
        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    internal static IEnumerable<string?> Origins(JsonObject s) => s["allowedOrigins"] switch
    {
        JsonArray a => a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var str) ? str : null),
        JsonValue v when v.TryGetValue<string>(out var str) => str.Split(',', ';', ' ', '\n').Where(x => x.Length > 0),
        _ => [],
    };

    internal static bool IsColor(string value) => ColorPattern().IsMatch(value);

    private static string? Str(JsonObject s, string name) =>
        s[name] is JsonValue v && v.TryGetValue<string>(out var str) && !string.IsNullOrWhiteSpace(str) ? str.Trim() : null;
}
