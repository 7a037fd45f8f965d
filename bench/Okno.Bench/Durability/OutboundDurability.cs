using System.Diagnostics;
using Okno.Bench.Server;
using Okno.Simulators;

namespace Okno.Bench.Durability;

/// <summary>
/// Outbound durability: replies are queued through the API in batches; while the outbox sends a batch to the Telegram
/// stand-in the server is SIGKILLed and started again. Every accepted reply must reach the stand-in; a reply may be
/// sent twice only if it was in flight at a kill (at most one per outbox lane — OutboxWorker.MaxParallel — per kill).
/// </summary>
public static class OutboundDurability
{
    public sealed record Settings(int Replies, int Kills, string? Postgres, int ClaimSeconds = 120, int Chats = 20, string Platform = "telegram")
    {
        public static Settings From(BenchOptions o, string platform = "telegram") => new(o.Replies, o.ReplyKills, o.Postgres, o.ClaimSeconds, Platform: platform);
    }

    /// <summary>Duplicates: the same reply delivered twice to the client. RepeatedCalls: send calls repeated at the API
    /// (for VK the platform de-duplicates them by random_id, so they are not duplicates for the client).</summary>
    public sealed record Result(string Platform, string Database, int Replies, int Accepted, int Kills, int Delivered, int Missing, int Duplicates,
        int RepeatedCalls, int ClaimSeconds, double Seconds)
    {
        public string ToMarkdown() =>
            $"| Outbound durability ({Platform}, {Database}) | replies queued | accepted (202) | SIGKILLs | delivered | missing | duplicates | repeated send calls | claim s | seconds |\n" +
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n" +
            $"| result | {Replies} | {Accepted} | {Kills} | {Delivered} | **{Missing}** | {Duplicates} | {RepeatedCalls} | {ClaimSeconds} | {Seconds:F0} |\n";
    }

    public static async Task<Result> RunAsync(Settings s, Action<string> log)
    {
        var sw = Stopwatch.StartNew();
        await using var sim = await SimulatorHost.StartAsync();
        await using var server = await OknoServer.CreateChildAsync(s.Postgres,
            new Dictionary<string, string> { ["Okno__Outbox__ClaimSeconds"] = s.ClaimSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await server.StartAsync();
        using var api = new OknoApi(server.Url, server.Token);
        var vk = s.Platform == "vk";
        var channel = vk ? await api.CreateVkAsync(sim, VkGroup) : await api.CreateTelegramAsync(sim.UrlOf("telegram"));
        for (var c = 0; c < s.Chats; c++)
        {
            var url = $"{server.Url}/webhooks/{channel.Id}";
            using var r = vk
                ? await sim.Vk.DeliverAsync(url, sim.Vk.TextMessage(VkGroup, 8_000_000 + c, "Вопрос " + c))
                : await sim.Telegram.DeliverAsync(url, channel.Secret, sim.Telegram.TextUpdate(8_000_000 + c, "Вопрос " + c));
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException("Inbound set-up webhook failed: " + (int)r.StatusCode);
        }
        var conversations = (await api.AllConversationsAsync()).Select(c => c["id"]!.GetValue<long>()).ToList();

        var accepted = new List<string>();
        var random = new Random(9);
        var perRound = Math.Max(1, s.Replies / (s.Kills + 1));
        var queued = 0;
        for (var round = 0; round <= s.Kills; round++)
        {
            var count = round == s.Kills ? s.Replies - queued : perRound;
            var texts = Enumerable.Range(queued, count).Select(j => "o" + j).ToList();
            queued += count;
            await Parallel.ForEachAsync(texts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (text, ct) =>
            {
                var id = conversations[int.Parse(text[1..], System.Globalization.CultureInfo.InvariantCulture) % conversations.Count];
                if (await api.ReplyAsync(id, text, ct) == 202) lock (accepted) accepted.Add(text);
            });
            if (round == s.Kills) break;
            await Task.Delay(random.Next(100, 800)); // the outbox is sending this batch now
            server.Kill();
            await Task.Delay(random.Next(200, 1000));
            await server.StartAsync();
            log($"  outbound kill {round + 1}: restarted; {Sent(sim, vk).Count} sends seen so far");
        }

        var deadline = DateTime.UtcNow.AddSeconds(s.ClaimSeconds + 90);
        var expected = accepted.ToHashSet();
        while (DateTime.UtcNow < deadline && !expected.IsSubsetOf(Sent(sim, vk))) await Task.Delay(500);
        await Task.Delay(1000);
        var delivered = Sent(sim, vk).Where(expected.Contains).ToList();
        var calls = (vk ? sim.Vk.CallsTo("messages.send").Select(c => c.Body["message"]?.ToString() ?? "")
            : sim.Telegram.CallsTo("sendMessage").Select(c => c.Body["text"]?.ToString() ?? "")).Where(expected.Contains).ToList();
        var distinct = delivered.ToHashSet();
        return new Result(s.Platform, server.PostgresConnection is null ? "SQLite" : "PostgreSQL", s.Replies, accepted.Count, s.Kills, distinct.Count,
            expected.Count(e => !distinct.Contains(e)), delivered.Count - distinct.Count, calls.Count - calls.Distinct().Count(), s.ClaimSeconds, sw.Elapsed.TotalSeconds);
    }

    private const long VkGroup = 777_000_001;

    /// <summary>What the client received: Telegram = every sendMessage; VK = messages the platform delivered (a repeated random_id adds none).</summary>
    private static List<string> Sent(SimulatorHost sim, bool vk) => vk
        ? sim.Vk.AllSent.Where(x => x.GroupId == VkGroup).Select(x => x.Message.Text).ToList()
        : sim.Telegram.CallsTo("sendMessage").Select(c => c.Body["text"]?.ToString() ?? "").ToList();
}
