using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Okno.Bench.Report;
using Okno.Bench.Server;

namespace Okno.Bench.Query;

/// <summary>
/// Full-text search on the seeded history (issue 17.4): waits until Okno's indexer has taken the whole search queue
/// (the seeded rows went in through the real triggers), then times top-20 searches one at a time, HTTP included, and
/// checks recall on the planted topics: a search for the base form must find every planted message in any word form.
/// </summary>
public static class SearchBench
{
    public sealed record Recall(string Query, int Planted, int Found, int Results);

    public sealed record Result(double IndexSeconds, double IndexedPerSecond, List<QueryBench.QueryResult> Queries, List<Recall> Recalls);

    /// <summary>
    /// Waits until the start-up work on the seeded rows is over — the indexer has emptied the search queue and the
    /// request metrics exist for every conversation — so the timed reads don't compete with it; returns the seconds
    /// from Okno's start until the search index was complete.
    /// </summary>
    public static async Task<double> WaitForBackgroundAsync(OknoServer server, Stopwatch sinceStart, int messages)
    {
        var watch = sinceStart;
        double? indexed = null, metrics = null;
        while (indexed is null || metrics is null)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(30)) throw new TimeoutException("the start-up work on the seeded rows is not over after 30 min");
            if (indexed is null && await ScalarAsync(server, """SELECT COUNT(*) FROM "SearchQueue" """) == 0) indexed = watch.Elapsed.TotalSeconds;
            if (metrics is null && await ScalarAsync(server, """SELECT (SELECT COUNT(*) FROM "Conversations") - (SELECT COUNT(*) FROM "RequestMetrics")""") <= 0)
                metrics = watch.Elapsed.TotalSeconds;
            await Task.Delay(1000);
        }
        Console.WriteLine($"  search index: {messages:N0} messages indexed {indexed:F0} s after the start; request metrics rebuilt after {metrics:F0} s");
        return indexed.Value;
    }

    public static async Task<Result> RunAsync(OknoApi api, Seeder.Seeded seeded, int requests, double indexSeconds)
    {
        var channel = seeded.ChannelId;
        var cases = new (string Name, string Url)[]
        {
            ("search: common word «договор» (top 20)", "api/v1/search?q=" + Uri.EscapeDataString("договор")),
            ("search: two words «суд решение»", "api/v1/search?q=" + Uri.EscapeDataString("суд решение")),
            ("search: phrase «\"договор аренды\"»", "api/v1/search?q=" + Uri.EscapeDataString("\"договор аренды\"")),
            ("search: prefix «застр*»", "api/v1/search?q=" + Uri.EscapeDataString("застр*")),
            ("search: rare word «неустойка»", "api/v1/search?q=" + Uri.EscapeDataString("неустойка")),
            ("search: word + channel filter", $"api/v1/search?q={Uri.EscapeDataString("наследство")}&channelId={channel}"),
            ("search: word + last 30 days", $"api/v1/search?q={Uri.EscapeDataString("штраф")}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-30).ToString("O"))}"),
        };
        var results = new List<QueryBench.QueryResult>();
        foreach (var (name, url) in cases)
        {
            var first = await api.GetAsync(url);
            if (first["items"]!.AsArray().Count == 0) throw new InvalidOperationException($"{name}: no results — the seeded texts contain it");
            for (var i = 0; i < 30; i++) await api.GetAsync(url);
            var ms = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await api.GetAsync(url);
                ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            results.Add(new QueryBench.QueryResult(name, requests, Stats.Percentile(ms, 50), Stats.Percentile(ms, 95), ms.Max()));
            Console.WriteLine($"  {name}: p50 {results[^1].P50Ms:F1} ms, p95 {results[^1].P95Ms:F1} ms");
        }

        var recalls = new List<Recall>();
        foreach (var topic in SeedTexts.Topics)
        {
            var planted = seeded.Planted[topic.Query];
            var found = new HashSet<long>();
            var total = 0;
            string? cursor = null;
            do
            {
                var page = await api.GetAsync($"api/v1/search?limit=50&q={Uri.EscapeDataString(topic.Query)}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
                foreach (var item in page["items"]!.AsArray())
                {
                    total++;
                    if (planted.Contains(item!["messageId"]!.GetValue<long>())) found.Add(item["messageId"]!.GetValue<long>());
                }
                cursor = page["nextCursor"]?.GetValue<string>();
            } while (cursor is not null && total < 100_000);
            recalls.Add(new Recall(topic.Query, planted.Count, found.Count, total));
            Console.WriteLine($"  recall «{topic.Query}» ({string.Join(", ", topic.Forms)}): {found.Count}/{planted.Count} planted found, {total} results");
        }
        return new Result(indexSeconds, seeded.Shape.Messages / Math.Max(indexSeconds, 0.001), results, recalls);
    }

    private static async Task<long> ScalarAsync(OknoServer server, string sql)
    {
        if (server.PostgresConnection is { } pg)
        {
            await using var c = new NpgsqlConnection(pg);
            await c.OpenAsync();
            await using var command = new NpgsqlCommand(sql, c);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        await using var connection = new SqliteConnection($"Data Source={server.SqliteFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = sql;
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
