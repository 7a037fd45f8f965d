using System.Diagnostics;
using Okno.Bench.Report;
using Okno.Bench.Server;

namespace Okno.Bench.Query;

/// <summary>Read paths operators hit all day, each timed end to end (HTTP included) on the seeded database, one at a time.</summary>
public static class QueryBench
{
    public sealed record QueryResult(string Name, int Requests, double P50Ms, double P95Ms, double MaxMs);

    public static async Task<List<QueryResult>> RunAsync(OknoApi api, Seeder.Shape shape, Guid channelId, int requests)
    {
        var random = new Random(11);
        var firstPage = await api.GetAsync("api/v1/conversations?status=open&limit=50");
        var cursor = firstPage["nextCursor"]?.GetValue<string>() ?? "";
        var cases = new (string Name, Func<Task> Run)[]
        {
            ("inbox: all, by last message", () => api.GetAsync("api/v1/conversations?limit=50")),
            ("inbox: status=open", () => api.GetAsync("api/v1/conversations?status=open&limit=50")),
            ("inbox: status=open, page 2 (cursor)", () => api.GetAsync("api/v1/conversations?status=open&limit=50&cursor=" + Uri.EscapeDataString(cursor))),
            ("inbox: mine (assigneeId, open)", () => api.GetAsync("api/v1/conversations?assigneeId=1&status=open&limit=50")),
            ("inbox: unassigned, open", () => api.GetAsync("api/v1/conversations?unassigned=true&status=open&limit=50")),
            ("inbox: one channel", () => api.GetAsync("api/v1/conversations?limit=50&channelId=" + channelId)),
            ("contact history (all messages)", () => api.GetAsync($"api/v1/contacts/{random.Next(1, shape.Contacts + 1)}/messages")),
            ("open conversation (GET + messages)", async () =>
            {
                var id = random.Next(1, shape.Conversations + 1);
                await api.GetAsync($"api/v1/conversations/{id}");
                await api.GetAsync($"api/v1/conversations/{id}/messages");
            }),
        };
        var results = new List<QueryResult>();
        foreach (var (name, run) in cases)
        {
            for (var i = 0; i < 30; i++) await run(); // warm-up: JIT, plans, page cache
            var ms = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await run();
                ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            results.Add(new QueryResult(name, requests, Stats.Percentile(ms, 50), Stats.Percentile(ms, 95), ms.Max()));
            Console.WriteLine($"  {name}: p50 {results[^1].P50Ms:F1} ms, p95 {results[^1].P95Ms:F1} ms");
        }
        return results;
    }
}
