using System.Globalization;

namespace Okno.Tests.Ui;

/// <summary>
/// A value for an <c>&lt;input type="datetime-local" step="1"&gt;</c> as Chromium keeps it: it drops ":00" seconds, and
/// Playwright's fill refuses a value the input does not keep as given ("Malformed value") — once a minute, by chance.
/// </summary>
public static class DateTimeInput
{
    public static string Value(DateTime local) =>
        local.ToString(local.Second == 0 ? "yyyy-MM-ddTHH:mm" : "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
