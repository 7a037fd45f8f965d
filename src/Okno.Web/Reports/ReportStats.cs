namespace Okno.Web.Reports;

/// <summary>Medians and percentiles as the reports state them (docs/decisions/0026).</summary>
public static class ReportStats
{
    /// <summary>The middle value; for an even count the mean of the two middle ones. Null for none.</summary>
    public static double? Median(List<long> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }

    /// <summary>Nearest rank: the smallest value with at least p % of the values at or below it. Null for none.</summary>
    public static double? Percentile(List<long> values, int p)
    {
        if (values.Count == 0) return null;
        values.Sort();
        var rank = (int)Math.Ceiling(p / 100.0 * values.Count);
        return values[Math.Clamp(rank, 1, values.Count) - 1];
    }
}
