using System.Xml;

namespace Okno.Core.Desk;

/// <summary>ISO 8601 durations (PT30S, PT15M, PT8H, P2D) — the only duration format of the API.</summary>
public static class IsoDuration
{
    public static readonly TimeSpan Max = TimeSpan.FromDays(366);

    /// <summary>Parses a positive duration up to a year; false for anything else.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !text.Trim().StartsWith('P')) return false;
        try { value = XmlConvert.ToTimeSpan(text.Trim()); }
        catch (FormatException) { return false; }
        catch (OverflowException) { return false; }
        return value > TimeSpan.Zero && value <= Max;
    }

    public static string Format(TimeSpan value) => XmlConvert.ToString(value);

    public static string? Format(long? seconds) => seconds is { } s ? Format(TimeSpan.FromSeconds(s)) : null;

    public const string Hint = "Длительность в формате ISO 8601, например PT30S, PT15M, PT8H, P2D (больше нуля, не больше года).";
}
