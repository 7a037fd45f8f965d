using System.Globalization;

namespace Okno.Core.Conversations;

/// <summary>
/// The firm's wall clock (Okno:BusinessTimeZone, default Europe/Moscow): «завтра 09:00» means nine in the morning
/// where the office is, and system lines in the timeline show times the way the firm reads them.
/// </summary>
public sealed class BusinessTime(TimeZoneInfo zone)
{
    public const string DefaultZone = "Europe/Moscow";
    public static readonly BusinessTime Moscow = new(TimeZoneInfo.FindSystemTimeZoneById(DefaultZone));

    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>A wall-clock time of the firm's zone as an instant.</summary>
    public DateTimeOffset At(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    /// <summary>The next working-morning preset: tomorrow at <paramref name="hour"/>:00, firm's time.</summary>
    public DateTimeOffset Tomorrow(DateTimeOffset now, int hour = 9) => At(Local(now).Date.AddDays(1).AddHours(hour));

    /// <summary>"15:00" today, "завтра 09:00", or "05.12 09:00".</summary>
    public string Format(DateTimeOffset instant, DateTimeOffset now)
    {
        var (l, today) = (Local(instant), Local(now).Date);
        var time = l.ToString("HH:mm", CultureInfo.InvariantCulture);
        if (l.Date == today) return time;
        if (l.Date == today.AddDays(1)) return "завтра " + time;
        return l.ToString("dd.MM", CultureInfo.InvariantCulture) + " " + time;
    }
}
