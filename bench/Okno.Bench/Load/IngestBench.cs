using System.Diagnostics;
using Okno.Bench.Ceilings;
using Okno.Bench.Report;
using Okno.Bench.Server;
using Okno.Simulators;

namespace Okno.Bench.Load;

/// <summary>One ingest run against Okno (optionally with operators on the hub) and the same load against bare Kestrel.</summary>
public static class IngestBench
{
    public sealed record Run(string Target, string Mode, int Seconds, int Operators, bool WhatsApp, long Sent, long Acked, long Failed,
        double AckedPerSecond, double AckP50Ms, double AckP99Ms, double? OperatorP50Ms, double? OperatorP99Ms, long OperatorSamples,
        long MessagesAtFirstOperator, long MessageWebhooksAcked, double? PeakRssMb, double? ServerCpuMsPerWebhook, Dictionary<string, long> Mix, string? FirstError);

    public static async Task<Run> RunOknoAsync(BenchOptions o, double? rate, int operators)
    {
        await using var server = o.Target is { } url ? OknoServer.Remote(url, o.Token!) : await OknoServer.CreateChildAsync(o.Postgres, o.ServerEnv);
        await server.StartAsync();
        await using var sim = await SimulatorHost.StartAsync();
        using var api = new OknoApi(server.Url, server.Token);
        var telegram = await api.CreateTelegramAsync(sim.UrlOf("telegram"));
        var whatsApp = o.NoWhatsApp ? null : await api.TryCreateWhatsAppCloudAsync(sim.UrlOf("whatsapp-cloud"));
        Console.WriteLine($"  Okno at {server.Url} ({(o.Postgres is null ? "SQLite" : "PostgreSQL")}), mix: Telegram{(whatsApp is null ? " only (whatsapp_cloud not available)" : " + WhatsApp Cloud")}");
        var mix = new WebhookMix(telegram, whatsApp, sim.Telegram, seed: 1);
        await using var ops = operators > 0 ? await Operators.ConnectAsync(server.Url, server.Token, operators) : null;
        if (ops is not null) Console.WriteLine($"  {ops.Connected} operators connected to /hubs/inbox");
        using var http = OknoApi.LoadClient(o.Connections, TimeSpan.FromSeconds(30));

        await new LoadRunner(http, server.Url, mix.Next).RunAsync(Math.Min(rate ?? 200, 200), TimeSpan.FromSeconds(3), o.Concurrency); // warm-up
        await Task.Delay(500);
        ops?.Reset();
        var runner = new LoadRunner(http, server.Url, mix.Next);
        var cpu0 = server.CpuTime();
        await runner.RunAsync(rate, TimeSpan.FromSeconds(o.Seconds), o.Concurrency);
        var cpu = server.IsChild ? (server.CpuTime() - cpu0).TotalMilliseconds / Math.Max(1, runner.Acked) : (double?)null;
        var rss = server.IsChild ? server.SamplePeakRss() / 1024.0 : (double?)null;
        await Task.Delay(2000); // stragglers on the hub

        double? p50 = null, p99 = null;
        long samples = 0, atFirst = 0;
        if (ops is not null)
        {
            var latencies = await CorrelateAsync(api, ops, runner);
            samples = latencies.Count;
            lock (ops.Arrivals[0]) atFirst = ops.Arrivals[0].Count;
            p50 = Stats.Percentile(latencies, 50);
            p99 = Stats.Percentile(latencies, 99);
        }
        var messageKinds = new[] { ShotKind.NewClient, ShotKind.Returning, ShotKind.Photo };
        return new Run("okno", rate is { } r ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/s" : "max", o.Seconds, operators,
            whatsApp is not null, runner.Sent, runner.Acked, runner.Failed, runner.Acked / runner.ElapsedSeconds,
            Stats.Percentile(runner.AckLatenciesMs, 50), Stats.Percentile(runner.AckLatenciesMs, 99), p50, p99, samples, atFirst,
            messageKinds.Sum(k => runner.ByKind.GetValueOrDefault(k)), rss, cpu,
            runner.ByKind.ToDictionary(k => k.Key.ToString(), k => k.Value), runner.FirstError);
    }

    /// <summary>
    /// Correlation: the bench keyed each message webhook's send moment by the ExternalId the connector stores.
    /// Operators recorded (messageId, arrival). After the window, one GET per conversation maps messageId → ExternalId.
    /// Latency = arrival at each operator − send moment, over every (message, operator) pair.
    /// </summary>
    private static async Task<List<double>> CorrelateAsync(OknoApi api, Operators ops, LoadRunner runner)
    {
        var external = new Dictionary<long, string>();
        var conversations = ops.Conversations();
        await Parallel.ForEachAsync(conversations, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
        {
            foreach (var m in await api.ConversationMessagesAsync(id, ct))
                if (m["externalId"]?.GetValue<string>() is { } ext)
                    lock (external) external[m["id"]!.GetValue<long>()] = ext;
        });
        var latencies = new List<double>();
        foreach (var list in ops.Arrivals)
            lock (list)
                foreach (var (messageId, at) in list)
                    if (external.TryGetValue(messageId, out var ext) && Lookup(runner, ext) is { } sent)
                        latencies.Add((at - sent) * 1000.0 / Stopwatch.Frequency);
        return latencies;
    }

    private static long? Lookup(LoadRunner runner, string ext)
    {
        if (runner.SendTimestamps.TryGetValue(ext, out var t)) return t;
        var i = ext.LastIndexOf(':');
        return i >= 0 && runner.SendTimestamps.TryGetValue(ext[(i + 1)..], out t) ? t : null;
    }

    public static async Task<Run> RunBareAsync(BenchOptions o, double? rate)
    {
        using var bare = new BareKestrel();
        await bare.StartAsync();
        var telegram = new OknoApi.Channel(Guid.NewGuid(), "telegram", "bench_secret");
        var mix = new WebhookMix(telegram, null, null, seed: 2);
        using var http = OknoApi.LoadClient(o.Connections, TimeSpan.FromSeconds(30));
        await new LoadRunner(http, bare.Url, mix.Next).RunAsync(200, TimeSpan.FromSeconds(2), o.Concurrency);
        var runner = new LoadRunner(http, bare.Url, mix.Next);
        var cpu0 = bare.CpuTime();
        await runner.RunAsync(rate, TimeSpan.FromSeconds(o.Seconds), o.Concurrency);
        var cpu = (bare.CpuTime() - cpu0).TotalMilliseconds / Math.Max(1, runner.Acked);
        return new Run("bare-kestrel", rate is { } r ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/s" : "max", o.Seconds, 0, false,
            runner.Sent, runner.Acked, runner.Failed, runner.Acked / runner.ElapsedSeconds,
            Stats.Percentile(runner.AckLatenciesMs, 50), Stats.Percentile(runner.AckLatenciesMs, 99), null, null, 0, 0, 0, null, cpu,
            runner.ByKind.ToDictionary(k => k.Key.ToString(), k => k.Value), runner.FirstError);
    }
}
