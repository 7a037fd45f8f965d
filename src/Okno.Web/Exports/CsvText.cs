namespace Okno.Web.Exports;

/// <summary>The CSV cell rules every export shares: RFC 4180 quoting, and the spreadsheet formula guard.</summary>
public static class CsvText
{
    /// <summary>Quotes a cell that holds the separator, a quote or a line break (quotes doubled).</summary>
    public static string Quote(string value, char separator) =>
        value.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>A leading =, +, -, @, tab or CR that a spreadsheet would run as a formula.</summary>
    public static bool StartsLikeFormula(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
