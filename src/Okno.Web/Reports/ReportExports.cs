using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Okno.Core.Conversations;

namespace Okno.Web.Reports;

/// <summary>
/// The request list as a file: CSV (UTF-8 with BOM, «,» or «;» — Russian Excel wants «;») written row by row to the
/// response, or XLSX (MiniExcel) written row by row to a temporary file, then sent. In CSV, text a spreadsheet would run
/// as a formula (starting with =, +, -, @) is prefixed with «'» — unless it is only digits, spaces and phone punctuation
/// (a phone, whole or masked: nothing there can call a function). XLSX cells are typed strings, never formulas.
/// </summary>
public static partial class ReportExports
{
    public static readonly IReadOnlyList<(string Name, Func<RequestRow, BusinessTime, object?> Get)> Columns =
    [
        ("conversationId", (r, _) => r.ConversationId),
        ("createdAt", (r, z) => z.Local(r.CreatedAt).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
        ("channelKind", (r, _) => r.ChannelKind),
        ("channelId", (r, _) => r.ChannelId.ToString()),
        ("channelLabel", (r, _) => r.ChannelLabel),
        ("source", (r, _) => r.Source),
        ("sourceLabel", (r, _) => r.SourceLabel),
        ("assigneeId", (r, _) => r.AssigneeId),
        ("assigneeName", (r, _) => r.AssigneeName),
        ("teamId", (r, _) => r.TeamId),
        ("status", (r, _) => r.Status),
        ("firstResponseSeconds", (r, _) => r.FirstResponseSeconds),
        ("firstResponseBusinessSeconds", (r, _) => r.FirstResponseBusinessSeconds),
        ("averageResponseSeconds", (r, _) => r.AverageResponseSeconds),
        ("maxResponseSeconds", (r, _) => r.MaxResponseSeconds),
        ("resolutionSeconds", (r, _) => r.ResolutionSeconds),
        ("resolutionBusinessSeconds", (r, _) => r.ResolutionBusinessSeconds),
        ("handOffs", (r, _) => r.HandOffs),
        ("reassignments", (r, _) => r.Reassignments),
        ("messagesIn", (r, _) => r.MessagesIn),
        ("messagesOut", (r, _) => r.MessagesOut),
        ("slaState", (r, _) => r.SlaState),
        ("slaBreaches", (r, _) => r.SlaBreaches),
        ("isTarget", (r, _) => r.IsTarget),
        ("notTargetReason", (r, _) => r.NotTargetReason),
        ("practiceArea", (r, _) => r.PracticeArea),
        ("csat", (r, _) => r.Csat),
        ("qualityViolations", (r, _) => r.QualityViolations),
        ("utmSource", (r, _) => r.UtmSource),
        ("utmMedium", (r, _) => r.UtmMedium),
        ("utmCampaign", (r, _) => r.UtmCampaign),
        ("page", (r, _) => r.Page),
        ("referrer", (r, _) => r.Referrer),
        ("avitoItem", (r, _) => r.AvitoItem),
        ("contactId", (r, _) => r.ContactId),
        ("contactName", (r, _) => r.ContactName),
        ("phone", (r, _) => r.Phone),
    ];

    public static async Task<int> CsvAsync(IAsyncEnumerable<RequestRow> rows, BusinessTime zone, Stream body, char separator, CancellationToken ct)
    {
        await body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(string.Join(separator, Columns.Select(c => c.Name)));
        var count = 0;
        var line = new StringBuilder();
        await foreach (var row in rows.WithCancellation(ct))
        {
            line.Clear();
            for (var i = 0; i < Columns.Count; i++)
            {
                if (i > 0) line.Append(separator);
                line.Append(Cell(Columns[i].Get(row, zone), separator));
            }
            await writer.WriteLineAsync(line, ct);
            count++;
            if (count % 1000 == 0) await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
        return count;
    }

    /// <summary>Writes the XLSX to <paramref name="file"/> (seekable: the zip is finished in place) and returns the row count.</summary>
    public static int Xlsx(IEnumerable<RequestRow> rows, BusinessTime zone, Stream file)
    {
        var count = 0;
        using var e = rows.GetEnumerator();
        if (!e.MoveNext())
        {
            // MiniExcel takes the header from the first row: an empty list is its header row alone.
            MiniExcel.SaveAs(file, new[] { Columns.ToDictionary(c => c.Name, c => (object?)c.Name) }, printHeader: false, excelType: ExcelType.XLSX);
            return 0;
        }
        IEnumerable<Dictionary<string, object?>> Cells()
        {
            do
            {
                count++;
                var d = new Dictionary<string, object?>(Columns.Count);
                foreach (var (name, get) in Columns) d[name] = get(e.Current, zone);
                yield return d;
            }
            while (e.MoveNext());
        }
        MiniExcel.SaveAs(file, Cells(), excelType: ExcelType.XLSX);
        return count;
    }

    private static string Cell(object? value, char separator)
    {
        var s = value switch
        {
            null => "",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => Safe(value.ToString() ?? ""),
        };
        return Exports.CsvText.Quote(s, separator);
    }

    private static string Safe(string s) =>
        Exports.CsvText.StartsLikeFormula(s) && !PhoneLike().IsMatch(s) ? "'" + s : s;

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+\-]?[0-9 *()\-]+$")]
    private static partial System.Text.RegularExpressions.Regex PhoneLike();
}
