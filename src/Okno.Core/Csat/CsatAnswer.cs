using System.Text.RegularExpressions;

namespace Okno.Core.Csat;

/// <summary>
/// Reads a client's reply to the satisfaction survey: a digit 1–5 («5», «4!», «5/5», «4 из 5»), a keycap emoji (5️⃣),
/// or stars (⭐⭐⭐⭐). Anything else is not a score — it is a message like any other.
/// </summary>
public static partial class CsatAnswer
{
    public static int? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return null;
        var t = text.Replace("\uFE0F", "", StringComparison.Ordinal).Replace("\u20E3", "", StringComparison.Ordinal).Trim();
        var stars = t.EnumerateRunes().Count(r => r.Value is 0x2B50 or 0x1F31F or 0x2605);
        var rest = string.Concat(t.EnumerateRunes().Where(r => r.Value is not (0x2B50 or 0x1F31F or 0x2605)).Select(r => r.ToString())).Trim();
        if (rest.Length == 0) return stars is >= 1 and <= 5 ? stars : null;
        return Score().Match(rest) is { Success: true } m ? m.Groups[1].Value[0] - '0' : null;
    }

    [GeneratedRegex(@"^([1-5])\s*(?:/\s*5|из\s*5)?\s*[.!)]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Score();
}
