using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Okno.Tests.Channels.GreenApi;
using Okno.Tests.Infrastructure;
using static Okno.Tests.Reports.ReportsKit;

namespace Okno.Tests.Reports;

/// <summary>Issue 13.5: the request list as CSV (BOM, «;») and XLSX, phones masked per the exporter's role, every export audited with its row count.</summary>
public abstract class ReportExportTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : ReportsApp
{
    private static long _nextPhone = 79030000000 + Random.Shared.Next(1, 9_000_000);

    private async Task<(long Id, string Phone, DateTimeOffset From, DateTimeOffset To)> WhatsAppRequestAsync()
    {
        var kit = await GreenApiTestKit.CreateAsync(App);
        using var op = await StaffAsync(App);
        var from = MoveTo(App, DayOfWeek.Tuesday, 11, 0);
        var phone = Interlocked.Increment(ref _nextPhone).ToString(CultureInfo.InvariantCulture);
        var text = "Вопрос по наследству " + Guid.NewGuid().ToString("N")[..8];
        (await kit.PostAsync(kit.Text(phone, text))).EnsureSuccessStatusCode();
        var id = (await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(text), what: "the WhatsApp request"))!["id"]!.GetValue<long>();
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        await TakeAndReplyAsync(op, id, "Здравствуйте!");
        await RowAsync(App, id, from.AddMinutes(-1), r => Long(r, "firstResponseSeconds") == 30);
        return (id, phone, from, App.Clock.GetUtcNow().AddMinutes(1));
    }

    private static string Url(DateTimeOffset from, DateTimeOffset to, string format, string extra = "") =>
        $"/api/v1/reports/requests?from={Q(from)}&to={Q(to)}&format={format}{extra}";

    [SkippableFact]
    public async Task Csv_BomAndSemicolon_PhoneWholeForAdmin_MaskedForQc_Audited()
    {
        var (id, phone, from, to) = await WhatsAppRequestAsync();
        using var admin = App.Api();
        await ActAsync(admin, id, "target", new { isTarget = false, reason = "=1+1 спам" });
        await RowAsync(App, id, from.AddMinutes(-1), r => r["notTargetReason"] is not null);
        var response = await admin.GetAsync(Url(from, to, "csv", "&separator=;"));
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("1", response.Headers.GetValues("X-Okno-Rows").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(2, lines.Count);
        var header = lines[0].Split(';');
        var row = lines[1].Split(';');
        Assert.Equal(header.Length, row.Length);
        string Cell(string name) => row[Array.IndexOf(header, name)];
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), Cell("conversationId"));
        Assert.Equal("whatsapp_greenapi", Cell("channelKind"));
        Assert.Equal("30", Cell("firstResponseSeconds"));
        Assert.Equal("+" + phone, Cell("phone"));
        Assert.Equal("'=1+1 спам", Cell("notTargetReason")); // a spreadsheet shows it, never runs it
        Assert.Equal("false", Cell("isTarget"));

        using var qc = await StaffAsync(App, "qc");
        var masked = await qc.Client.GetStringAsync(Url(from, to, "csv"));
        Assert.DoesNotContain(phone[^7..], masked, StringComparison.Ordinal); // nowhere: not in the phone, the name or an id
        Assert.Contains($"+7 *** ***-{phone[^4..^2]}-{phone[^2..]}", masked, StringComparison.Ordinal);
        Assert.Contains(",", masked.Split('\n')[0], StringComparison.Ordinal); // the default separator

        var audit = await App.GetJsonAsync("/api/v1/audit?action=export&objectType=export&limit=50");
        var details = audit["items"]!.AsArray().Where(i => i!["objectId"]?.GetValue<string>() == "requests").Select(i => i!["detail"]!.GetValue<string>()).ToList();
        Assert.True(details.Count(d => d == "rows=1;format=csv") >= 2, string.Join(" | ", details));
    }

    [SkippableFact]
    public async Task Xlsx_OpensWithTheRows_PhoneMaskedForQc()
    {
        var (id, phone, from, to) = await WhatsAppRequestAsync();
        using var qc = await StaffAsync(App, "qc");
        var response = await qc.Client.GetAsync(Url(from, to, "xlsx"));
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = file.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(id, Convert.ToInt64(row["conversationId"], CultureInfo.InvariantCulture));
        Assert.Equal(30, Convert.ToInt64(row["firstResponseSeconds"], CultureInfo.InvariantCulture));
        Assert.Equal($"+7 *** ***-{phone[^4..^2]}-{phone[^2..]}", row["phone"]?.ToString());
        Assert.Equal("whatsapp_greenapi", row["channelKind"]?.ToString());

        using var admin = App.Api();
        var empty = await admin.GetAsync(Url(from.AddYears(-1), from.AddYears(-1).AddDays(1), "xlsx"));
        using var emptyFile = new MemoryStream(await empty.Content.ReadAsByteArrayAsync());
        var headerOnly = emptyFile.Query(useHeaderRow: true, excelType: ExcelType.XLSX).ToList();
        Assert.Empty(headerOnly);
        emptyFile.Position = 0;
        var raw = Assert.Single(emptyFile.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()); // the header row alone
        Assert.Contains("conversationId", raw.Values.Select(v => v?.ToString()));
    }
}

public sealed class SqliteReportExportTests(SqliteReportsApp app) : ReportExportTests<SqliteReportsApp>(app);

public sealed class PostgresReportExportTests(PostgresReportsApp app) : ReportExportTests<PostgresReportsApp>(app);
