using System.Diagnostics;
using System.Globalization;
using Okno.Bench.Query;
using Okno.Bench.Report;
using Okno.Bench.Server;

namespace Okno.Bench.Reports;

/// <summary>
/// `reports`: start Okno once (migrations), stop it, seed 100 000 requests with metrics, start it again, then time
/// GET /api/v1/reports/summary for every groupBy over the whole period and the request list (first page, a drill-down,
/// a later page), end to end over HTTP, one at a time; prints medians.
/// </summary>
public static class ReportsRun
{
    public sealed record Timing(string Name, int Requests, double MedianMs, double P95Ms, double MaxMs);

    public sealed record Result(string Database, int Requests, double SeedSeconds, List<Timing> Timings);

    public static async Task<Result> RunAsync(BenchOptions o)
    {
        await using var server = await OknoServer.CreateChildAsync(o.Postgres, o.ServerEnv);
        await server.StartAsync();
        using (var api = new OknoApi(server.Url, server.Token))
            await api.CreateTelegramAsync("http://127.0.0.1:9");
        server.Kill();
        ISeedTarget target = server.PostgresConnection is { } pg ? new PostgresSeedTarget(pg) : new SqliteSeedTarget(server.SqliteFile);
        var now = DateTimeOffset.UtcNow;
        var (channel, seconds) = await ReportsSeeder.SeedAsync(target, o.ReportRequests, now);
        Console.WriteLine($"  seeded {o.ReportRequests:N0} requests with metrics in {seconds:F0} s");
        await server.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(5)); // the start-up check reads every request once; let it finish
        using var client = new OknoApi(server.Url, server.Token);
        var period = $"from={Uri.EscapeDataString(now.AddDays(-91).ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(now.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture))}";
        var first = await client.GetAsync($"api/v1/reports/requests?{period}&limit=50");
        var cursor = first["nextCursor"]!.GetValue<string>();
        var cases = new List<(string Name, string Url)>();
        foreach (var g in new[] { "operator", "team", "channel", "account", "source", "practiceArea", "day", "week", "month" })
            cases.Add(($"summary groupBy={g}", $"api/v1/reports/summary?{period}&groupBy={g}"));
        cases.Add(("requests page 1 (50)", $"api/v1/reports/requests?{period}&limit=50"));
        cases.Add(("requests page 2 (cursor)", $"api/v1/reports/requests?{period}&limit=50&cursor={cursor}"));
        cases.Add(("requests drill-down operator", $"api/v1/reports/requests?{period}&groupBy=operator&key=7&limit=50"));
        cases.Add(("requests drill-down source", $"api/v1/reports/requests?{period}&source=direct:telegram&limit=50"));
        cases.Add(("requests drill-down day", $"api/v1/reports/requests?{period}&groupBy=day&key={now.AddDays(-30):yyyy-MM-dd}&limit=50"));
        cases.Add(("live", "api/v1/reports/live"));

        var timings = new List<Timing>();
        foreach (var (name, url) in cases)
        {
            for (var i = 0; i < 3; i++) await client.GetAsync(url); // warm-up: JIT, plans, page cache
            var ms = new List<double>();
            for (var i = 0; i < o.ReportRepeats; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await client.GetAsync(url);
                ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            timings.Add(new Timing(name, ms.Count, Stats.Median(ms), Stats.Percentile(ms, 95), ms.Max()));
            Console.WriteLine($"  {name}: median {timings[^1].MedianMs:F0} ms, p95 {timings[^1].P95Ms:F0} ms");
        }
        return new Result(server.PostgresConnection is null ? "SQLite" : "PostgreSQL", o.ReportRequests, seconds, timings);
    }

    public static string ToMarkdown(Result r) =>
        $"| {r.Database}, {r.Requests:N0} requests | median ms | p95 ms | max ms |\n|---|---:|---:|---:|\n" +
        string.Join("\n", r.Timings.Select(t => $"| {t.Name} | {t.MedianMs:F0} | {t.P95Ms:F0} | {t.MaxMs:F0} |"));
}
