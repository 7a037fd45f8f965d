using System.Globalization;
using System.Text.RegularExpressions;

namespace Okno.Web.Desk;

/// <summary>
/// The schedule screen's plain-text fields: «09:00-13:00, 14:00-18:00» for a day (empty: a day off), and lists of dates
/// (ГГГГ-ММ-ДД or ДД.ММ.ГГГГ, separated by commas, spaces or lines — so a published list of moved days pastes in).
/// The API then validates the result as it validates any client's.
/// </summary>
public static partial class ScheduleText
{
    [GeneratedRegex(@"^(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})$")]
    private static partial Regex Interval();

    /// <returns>null when a piece is not «ЧЧ:ММ-ЧЧ:ММ».</returns>
    public static List<(string From, string To)>? Intervals(string? text)
    {
        var list = new List<(string, string)>();
        foreach (var piece in (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var m = Interval().Match(piece);
            if (!m.Success) return null;
            list.Add((Pad(m.Groups[1].Value), Pad(m.Groups[2].Value)));
        }
        return list;
    }

    private static string Pad(string hhmm) => hhmm.Length == 4 ? "0" + hhmm : hhmm;

    /// <returns>ISO dates, or null when a piece is not a date.</returns>
    public static List<string>? Dates(string? text)
    {
        var list = new List<string>();
        foreach (var piece in (text ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!DateOnly.TryParseExact(piece, ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return null;
            list.Add(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return list;
    }
}
