using System.Net;
using System.Text.Json.Nodes;
using Okno.Tests.Desk;
using Okno.Tests.Infrastructure;
using static Okno.Tests.Reports.ReportsKit;

namespace Okno.Tests.Reports;

/// <summary>Issue 13.3: the summary per groupBy over a known set — medians and 90th percentiles exact; drill-down; live; roles.</summary>
public abstract class ReportsSummaryTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : ReportsApp
{
    /// <summary>Four requests in one morning: A answers in 30 and 90 s, B in 60 and 600 s; A's second is not target; B's first resolved after 1 h.</summary>
    private async Task<(DateTimeOffset From, DateTimeOffset To, DeskKit Kit, Staff A, Staff B, long[] Ids)> KnownSetAsync()
    {
        var kit = await DeskKit.CreateAsync(App);
        var a = await StaffAsync(App);
        var b = await StaffAsync(App);
        var from = MoveTo(App, DayOfWeek.Wednesday, 10, 0);
        var plan = new (Staff Who, int Seconds)[] { (a, 30), (b, 60), (a, 90), (b, 600) };
        var ids = new long[plan.Length];
        for (var i = 0; i < plan.Length; i++)
        {
            ids[i] = await kit.RequestAsync(DeskKit.NewClient(), $"Вопрос {i} {Guid.NewGuid():N}");
            App.Clock.Advance(TimeSpan.FromSeconds(plan[i].Seconds));
            await TakeAndReplyAsync(plan[i].Who, ids[i], "Здравствуйте!");
            App.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        await ActAsync(a.Client, ids[2], "target", new { isTarget = false, reason = "Спам" });
        await ActAsync(a.Client, ids[0], "target", new { isTarget = true });
        App.Clock.Advance(TimeSpan.FromHours(1));
        await ActAsync(b.Client, ids[1], "resolve");
        var to = App.Clock.GetUtcNow().AddMinutes(1);
        foreach (var id in ids) await RowAsync(App, id, from.AddMinutes(-1), r => Long(r, "firstResponseSeconds") is not null);
        await RowAsync(App, ids[1], from.AddMinutes(-1), r => Long(r, "resolutionSeconds") is not null);
        await RowAsync(App, ids[2], from.AddMinutes(-1), r => r["isTarget"] is not null);
        return (from, to, kit, a, b, ids);
    }

    private Task<JsonObject> SummaryAsync(DateTimeOffset from, DateTimeOffset to, string groupBy) =>
        App.GetJsonAsync($"/api/v1/reports/summary?from={Q(from)}&to={Q(to)}&groupBy={groupBy}");

    private static JsonObject RowOf(JsonObject summary, string key) =>
        summary["rows"]!.AsArray().Select(r => r!.AsObject()).Single(r => r["key"]!.GetValue<string>() == key);

    private static double? D(JsonObject row, string name) => row[name]?.GetValue<double>();

    [SkippableFact]
    public async Task Summary_PerGroupBy_MediansAndP90Exact_DrillDownListsTheRequests()
    {
        var (from, to, kit, a, b, ids) = await KnownSetAsync();
        using var _ = kit;
        using (a) using (b)
        {
            var byOperator = await SummaryAsync(from, to, "operator");
            Assert.Equal(2, byOperator["rows"]!.AsArray().Count);
            var ra = RowOf(byOperator, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(2, ra["requests"]!.GetValue<int>());
            Assert.Equal(60, D(ra, "firstResponseMedianSeconds"));
            Assert.Equal(90, D(ra, "firstResponseP90Seconds"));
            Assert.Equal(1, ra["notTarget"]!.GetValue<int>());
            Assert.Equal(0.5, D(ra, "targetShare"));
            Assert.Null(ra["resolutionMedianSeconds"]);
            Assert.StartsWith("Тест operator", ra["label"]!.GetValue<string>(), StringComparison.Ordinal);
            var rb = RowOf(byOperator, b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(330, D(rb, "firstResponseMedianSeconds"));
            Assert.Equal(600, D(rb, "firstResponseP90Seconds"));
            Assert.Equal(0, rb["notTarget"]!.GetValue<int>());
            Assert.NotNull(D(rb, "resolutionMedianSeconds"));

            foreach (var (groupBy, key) in new[] { ("channel", "telegram"), ("account", kit.ChannelId), ("source", "direct:telegram"),
                ("day", from.ToOffset(TimeSpan.FromHours(3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) })
            {
                var summary = await SummaryAsync(from, to, groupBy);
                var row = RowOf(summary, key);
                Assert.Equal(4, row["requests"]!.GetValue<int>());
                Assert.Equal(75, D(row, "firstResponseMedianSeconds")); // (60 + 90) / 2
                Assert.Equal(600, D(row, "firstResponseP90Seconds"));   // nearest rank: the 4th of 4
                Assert.Equal(1, row["notTarget"]!.GetValue<int>());
                Assert.Equal(0, row["handOffs"]!.GetValue<int>());
                Assert.Equal(0, row["slaBreaches"]!.GetValue<int>());
                Assert.Null(row["csatAverage"]);
                Assert.Equal(summary["total"]!["requests"]!.GetValue<int>(), row["requests"]!.GetValue<int>());
            }
            foreach (var groupBy in new[] { "week", "month", "team", "practiceArea" })
                Assert.Equal(4, (await SummaryAsync(from, to, groupBy))["rows"]!.AsArray().Sum(r => r!["requests"]!.GetValue<int>()));

            var drill = await App.GetJsonAsync($"/api/v1/reports/requests?from={Q(from)}&to={Q(to)}&groupBy=operator&key={b.Id}");
            Assert.Equal(new[] { ids[3], ids[1] }, drill["items"]!.AsArray().Select(i => i!["conversationId"]!.GetValue<long>()));
            var paged = await App.GetJsonAsync($"/api/v1/reports/requests?from={Q(from)}&to={Q(to)}&limit=3");
            Assert.Equal(3, paged["items"]!.AsArray().Count);
            var rest = await App.GetJsonAsync($"/api/v1/reports/requests?from={Q(from)}&to={Q(to)}&limit=3&cursor={paged["nextCursor"]!.GetValue<string>()}");
            Assert.Equal([ids[0]], rest["items"]!.AsArray().Select(i => i!["conversationId"]!.GetValue<long>()));
            Assert.Null(rest["nextCursor"]);
        }
    }

    [SkippableFact]
    public async Task Live_CountsOpenWaitingAndTheLongestWait()
    {
        using var kit = await DeskKit.CreateAsync(App);
        var before = await App.GetJsonAsync("/api/v1/reports/live");
        await kit.RequestAsync(DeskKit.NewClient());
        App.Clock.Advance(TimeSpan.FromSeconds(45));
        var live = await App.GetJsonAsync("/api/v1/reports/live");
        Assert.Equal(before["open"]!.GetValue<int>() + 1, live["open"]!.GetValue<int>());
        Assert.Equal(before["waiting"]!.GetValue<int>() + 1, live["waiting"]!.GetValue<int>());
        Assert.True(live["longestWaitSeconds"]!.GetValue<long>() >= 45);
        Assert.NotNull(live["onlineOperators"]);
        Assert.NotNull(live["slaAtRisk"]);
    }

    [SkippableFact]
    public async Task Roles_OperatorRefused_QcReads_BadInputExplained()
    {
        using var op = await StaffAsync(App, "operator");
        using var qc = await StaffAsync(App, "qc");
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Client.GetAsync("/api/v1/reports/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Client.GetAsync("/api/v1/reports/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Client.GetAsync("/api/v1/reports/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await qc.Client.GetAsync("/api/v1/reports/summary?groupBy=source")).StatusCode);
        using var admin = App.Api();
        foreach (var (query, field) in new[] { ("summary?groupBy=weekday", "groupBy"), ("summary?from=2027-02-01&to=2027-01-01", "from"),
            ("requests?format=pdf", "format"), ("requests?separator=|", "separator"), ("requests?limit=0", "limit"), ("requests?cursor=abc", "cursor"),
            ("requests?groupBy=day&key=вчера", "key") })
        {
            var response = await admin.GetAsync("/api/v1/reports/" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteReportsSummaryTests(SqliteReportsApp app) : ReportsSummaryTests<SqliteReportsApp>(app);

public sealed class PostgresReportsSummaryTests(PostgresReportsApp app) : ReportsSummaryTests<PostgresReportsApp>(app);
