using System.Globalization;
using System.Text.RegularExpressions;

namespace Okno.Channels.WebChat;

/// <summary>
/// Working hours written as "Mon-Fri 09:00-18:00 Europe/Moscow" (days: Mon Tue Wed Thu Fri Sat Sun, a range
/// or a comma list; the time zone is an IANA id). Outside them the widget shows the offline form.
/// </summary>
public sealed partial record BusinessHours(IReadOnlySet<DayOfWeek> Days, TimeOnly From, TimeOnly To, TimeZoneInfo Zone)
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    [GeneratedRegex(@"^\s*(?<days>[A-Za-z,\-]+)\s+(?<from>\d{1,2}:\d{2})\s*-\s*(?<to>\d{1,2}:\d{2})\s+(?<tz>\S+)\s*$")]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out BusinessHours? hours)
    {
        hours = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = Pattern().Match(text);
        if (!m.Success) return false;
        if (!TimeOnly.TryParseExact(m.Groups["from"].Value.PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ||
            !TimeOnly.TryParseExact(m.Groups["to"].Value.PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            return false;
        TimeZoneInfo zone;
        try { zone = TimeZoneInfo.FindSystemTimeZoneById(m.Groups["tz"].Value); }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException) { return false; }
        var days = new HashSet<DayOfWeek>();
        foreach (var part in m.Groups["days"].Value.ToLowerInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            if (range.Length > 2) return false;
            var start = Array.IndexOf(DayNames, range[0]);
            var end = Array.IndexOf(DayNames, range[^1]);
            if (start < 0 || end < 0) return false;
            for (var d = start; ; d = (d + 1) % 7)
            {
                days.Add((DayOfWeek)d);
                if (d == end) break;
            }
        }
        hours = new BusinessHours(days, from, to, zone);
        return true;
    }

    public bool IsOpen(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Days.Contains(local.DayOfWeek) && (From <= To ? time >= From && time < To : time >= From || time < To);
    }
}
