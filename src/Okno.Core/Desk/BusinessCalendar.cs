using System.Globalization;
using System.Text.Json;

namespace Okno.Core.Desk;

/// <summary>
/// Business time of one schedule: weekly intervals in the schedule's zone, dates off, and extra working dates
/// (Russia moves working days to Saturdays: such a date works the hours of the first weekday that has any).
/// A null calendar means round the clock.
/// </summary>
public sealed class BusinessCalendar
{
    public static readonly string[] DayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private const int MaxDays = 800;

    private readonly Dictionary<DayOfWeek, List<(TimeSpan From, TimeSpan To)>> _week;
    private readonly HashSet<DateOnly> _off;
    private readonly HashSet<DateOnly> _working;

    public TimeZoneInfo Zone { get; }

    public BusinessCalendar(TimeZoneInfo zone, Dictionary<DayOfWeek, List<(TimeSpan From, TimeSpan To)>> week, IEnumerable<DateOnly> off, IEnumerable<DateOnly> working)
    {
        Zone = zone;
        _week = week;
        _off = off.ToHashSet();
        _working = working.ToHashSet();
    }

    public static DayOfWeek Day(string key) => (DayOfWeek)((Array.IndexOf(DayKeys, key) + 1) % 7);

    /// <summary>From the stored schedule (already validated on the way in).</summary>
    public static BusinessCalendar From(BusinessHours hours)
    {
        var week = new Dictionary<DayOfWeek, List<(TimeSpan, TimeSpan)>>();
        var raw = JsonSerializer.Deserialize<Dictionary<string, List<List<string>>>>(hours.WeekJson) ?? [];
        foreach (var (key, intervals) in raw)
            week[Day(key)] = intervals.Select(i => (Time(i[0]), Time(i[1]))).OrderBy(i => i.Item1).ToList();
        return new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZone), week,
            Dates(hours.DaysOffJson), Dates(hours.WorkingDaysJson));
    }

    public static TimeSpan Time(string hhmm) => hhmm == "24:00" ? TimeSpan.FromDays(1) : TimeSpan.ParseExact(hhmm, @"hh\:mm", CultureInfo.InvariantCulture);

    private static IEnumerable<DateOnly> Dates(string json) =>
        (JsonSerializer.Deserialize<List<string>>(json) ?? []).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    public bool HasAnyHours => _week.Values.Any(v => v.Count > 0);

    private List<(TimeSpan From, TimeSpan To)> HoursOf(DateOnly day)
    {
        if (_off.Contains(day)) return [];
        var own = _week.GetValueOrDefault(day.DayOfWeek) ?? [];
        if (own.Count > 0 || !_working.Contains(day)) return own;
        foreach (var d in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
            if (_week.GetValueOrDefault(d) is { Count: > 0 } standard) return standard;
        return [];
    }

    private IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Intervals(DateOnly day)
    {
        foreach (var (from, to) in HoursOf(day))
            yield return (Instant(day, from), Instant(day, to));
    }

    private DateTimeOffset Instant(DateOnly day, TimeSpan time)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + time;
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public bool IsOpen(DateTimeOffset instant) => Intervals(LocalDay(instant)).Any(i => i.From <= instant && instant < i.To);

    /// <summary>The instant when <paramref name="duration"/> of business time has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan duration)
    {
        if (!HasAnyHours) return start + duration;
        var remaining = duration;
        var day = LocalDay(start);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
            foreach (var (from, to) in Intervals(day))
            {
                if (to <= start) continue;
                var s = from > start ? from : start;
                if (to - s >= remaining) return s + remaining;
                remaining -= to - s;
            }
        return start + duration;
    }

    /// <summary>Business time between two instants.</summary>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        if (!HasAnyHours) return to - from;
        var total = TimeSpan.Zero;
        var last = LocalDay(to);
        var day = LocalDay(from);
        for (var i = 0; i < MaxDays && day <= last; i++, day = day.AddDays(1))
            foreach (var (s, e) in Intervals(day))
            {
                var a = s > from ? s : from;
                var b = e < to ? e : to;
                if (b > a) total += b - a;
            }
        return total;
    }

    public static DateTimeOffset Add(BusinessCalendar? calendar, DateTimeOffset start, TimeSpan duration) =>
        calendar?.Add(start, duration) ?? start + duration;

    public static TimeSpan Elapsed(BusinessCalendar? calendar, DateTimeOffset from, DateTimeOffset to) =>
        calendar?.Elapsed(from, to) ?? (to > from ? to - from : TimeSpan.Zero);
}
