using System.Globalization;
using Okno.Core.Conversations;

namespace Okno.Web.Reports;

/// <summary>Days, weeks (from Monday) and months in the firm's time zone: keys "2027-02-01", "2027-02-01" (the Monday), "2027-02".</summary>
public static class ReportPeriods
{
    private static readonly string[] Months = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];

    public static DateOnly Start(ReportGroup group, DateOnly day) => group switch
    {
        ReportGroup.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        ReportGroup.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    public static string Key(ReportGroup group, DateOnly start) =>
        start.ToString(group == ReportGroup.Month ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Label(ReportGroup group, DateOnly start) => group switch
    {
        ReportGroup.Week => "неделя с " + start.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        ReportGroup.Month => Months[start.Month - 1] + " " + start.Year.ToString(CultureInfo.InvariantCulture),
        _ => start.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>The first and last local day (yyyymmdd) a period key covers.</summary>
    public static (int First, int Last) Days(ReportGroup group, string key)
    {
        var start = Start(group, DateOnly.ParseExact(group == ReportGroup.Month ? key + "-01" : key, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        var end = group switch { ReportGroup.Week => start.AddDays(6), ReportGroup.Month => start.AddMonths(1).AddDays(-1), _ => start };
        return (Int(start), Int(end));
    }

    private static int Int(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;

    /// <summary>The instants [start, end) a period key covers, in the firm's zone.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Range(ReportGroup group, string key, BusinessTime zone)
    {
        var start = DateOnly.ParseExact(group == ReportGroup.Month ? key + "-01" : key, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        start = Start(group, start);
        var end = group switch { ReportGroup.Week => start.AddDays(7), ReportGroup.Month => start.AddMonths(1), _ => start.AddDays(1) };
        return (zone.At(start.ToDateTime(TimeOnly.MinValue)).ToUniversalTime(), zone.At(end.ToDateTime(TimeOnly.MinValue)).ToUniversalTime());
    }
}
