using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Okno.Bench.Server;

namespace Okno.Bench.Durability;

/// <summary>
/// Inbound durability: Telegram webhooks with unique update ids posted at a steady rate to a child server that is
/// SIGKILLed at random moments and started again. A webhook without a 2xx is redelivered after a second, as platforms
/// do; ~5 % of acknowledged ones are redelivered anyway. At the end every contact's history is read through the API:
/// the stored set must equal the set of webhooks (all eventually acknowledged), with no duplicates.
/// </summary>
public static class InboundDurability
{
    public sealed record Settings(int Webhooks, double Rate, double KillMinSeconds, double KillMaxSeconds, string? Postgres, int Chats = 50)
    {
        public static Settings From(BenchOptions o) => new(o.Webhooks, o.DurabilityRate, o.KillMinSeconds, o.KillMaxSeconds, o.Postgres);
    }

    public sealed record Result(string Database, int Webhooks, long Posts, long FailedPosts, long ExtraRedeliveries, int Kills, int Acked,
        int Stored, int Distinct, int Lost, int Duplicates, int Unexpected, double Seconds)
    {
        public string ToMarkdown() =>
            $"| Inbound durability ({Database}) | webhooks | posts | no-2xx posts (redelivered) | extra redeliveries | SIGKILLs | acked | stored | lost | duplicates | unexpected | seconds |\n" +
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n" +
            $"| result | {Webhooks} | {Posts} | {FailedPosts} | {ExtraRedeliveries} | {Kills} | {Acked} | {Stored} | **{Lost}** | **{Duplicates}** | {Unexpected} | {Seconds:F0} |\n";
    }

    public static async Task<Result> RunAsync(Settings s, Action<string> log)
    {
        var sw = Stopwatch.StartNew();
        await using var server = await OknoServer.CreateChildAsync(s.Postgres);
        await server.StartAsync();
        log($"  [{sw.Elapsed.TotalSeconds:F0} s] server up");
        using var api = new OknoApi(server.Url, server.Token);
        var channel = await api.CreateTelegramAsync("http://127.0.0.1:9");
        using var http = OknoApi.LoadClient(512, TimeSpan.FromSeconds(10));
        var acked = new ConcurrentDictionary<int, byte>();
        var redeliver = new ConcurrentQueue<(int Id, long NotBefore)>();
        long posts = 0, failed = 0, extra = 0;
        var random = new Random(3);

        async Task PostAsync(int id)
        {
            Interlocked.Increment(ref posts);
            var user = 7_000_000L + (id % s.Chats);
            var json = "{\"update_id\":" + (900_000_000L + id) + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":" + user
                + ",\"is_bot\":false,\"first_name\":\"Клиент\"},\"chat\":{\"id\":" + user + ",\"type\":\"private\"},\"date\":"
                + DateTimeOffset.UtcNow.ToUnixTimeSeconds() + ",\"text\":\"d" + id + "\"}}";
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{server.Url}/webhooks/{channel.Id}") { Content = content };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", channel.Secret);
            try
            {
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode) { acked[id] = 1; return; }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
            Interlocked.Increment(ref failed);
            redeliver.Enqueue((id, Stopwatch.GetTimestamp() + Stopwatch.Frequency));
        }

        var sending = true;
        var kills = 0;
        var killer = Task.Run(async () =>
        {
            var r = new Random(5);
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(s.KillMinSeconds + (r.NextDouble() * (s.KillMaxSeconds - s.KillMinSeconds))));
                if (!Volatile.Read(ref sending)) return;
                server.Kill();
                kills++;
                await Task.Delay(r.Next(200, 1500));
                await server.StartAsync();
                log($"  [{sw.Elapsed.TotalSeconds:F0} s] kill {kills}: restarted; {acked.Count}/{s.Webhooks} acknowledged so far");
            }
        });

        var inflight = new ConcurrentDictionary<Task, byte>();
        void Fire(int id)
        {
            var t = PostAsync(id);
            inflight[t] = 0;
            _ = t.ContinueWith(x => inflight.TryRemove(x, out _), TaskScheduler.Default);
        }

        var interval = Stopwatch.Frequency / s.Rate;
        double nextAt = Stopwatch.GetTimestamp();
        var nextId = 0;
        while (nextId < s.Webhooks)
        {
            var now = Stopwatch.GetTimestamp();
            while (nextAt <= now && nextId < s.Webhooks && inflight.Count < 2000)
            {
                nextAt += interval;
                if (redeliver.TryPeek(out var head) && head.NotBefore <= now && redeliver.TryDequeue(out head)) { Fire(head.Id); continue; }
                if (nextId > 100 && random.NextDouble() < 0.05) { Interlocked.Increment(ref extra); Fire(random.Next(nextId)); continue; }
                Fire(nextId++);
            }
            await Task.Delay(1);
        }
        Volatile.Write(ref sending, false);
        log($"  [{sw.Elapsed.TotalSeconds:F0} s] all {s.Webhooks} sent once; waiting for the killer and in-flight posts");
        await killer; // the server is up after this
        await Task.WhenAll(inflight.Keys.ToArray());
        log($"  [{sw.Elapsed.TotalSeconds:F0} s] redelivering what is still unacknowledged");

        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (acked.Count < s.Webhooks && DateTime.UtcNow < deadline)
        {
            var batch = new List<int>();
            while (redeliver.TryDequeue(out var item)) batch.Add(item.Id);
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (id, _) => await PostAsync(id));
            if (batch.Count == 0) await Task.Delay(200);
        }

        log($"  [{sw.Elapsed.TotalSeconds:F0} s] {acked.Count}/{s.Webhooks} acknowledged; reading every contact's history");
        var stored = new List<string>();
        var contacts = (await api.AllConversationsAsync()).Select(c => c["contactId"]!.GetValue<long>()).Distinct().ToList();
        foreach (var contact in contacts)
            stored.AddRange((await api.ContactHistoryAsync(contact)).Where(m => m["direction"]!.GetValue<string>() == "inbound").Select(m => m["externalId"]!.GetValue<string>()));
        var expected = Enumerable.Range(0, s.Webhooks).Select(id => $"{7_000_000L + (id % s.Chats)}:{id}").ToHashSet();
        var distinct = stored.ToHashSet();
        return new Result(server.PostgresConnection is null ? "SQLite" : "PostgreSQL", s.Webhooks, posts, failed, extra, kills, acked.Count,
            stored.Count, distinct.Count, expected.Count(e => !distinct.Contains(e)), stored.Count - distinct.Count,
            distinct.Count(d => !expected.Contains(d)), sw.Elapsed.TotalSeconds);
    }
}
