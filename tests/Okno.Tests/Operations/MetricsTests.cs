using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Okno.Tests.Channels;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Operations;

/// <summary>/metrics in Prometheus format: scraped before and after real traffic, the counters move.</summary>
public abstract partial class MetricsTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private async Task<string> ScrapeAsync()
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of a metric's samples whose labels contain <paramref name="labels"/>.</summary>
    private static double Value(string scrape, string metric, string labels = "") =>
        Sample().Matches(scrape).Where(m => m.Groups["name"].Value == metric && m.Groups["labels"].Value.Contains(labels, StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>(?:[^""}]|""(?:[^""\\]|\\.)*"")*)\})? (?<value>[-+0-9.eE]+|NaN|\+Inf)", RegexOptions.Multiline)]
    private static partial Regex Sample();

    [SkippableFact]
    public async Task Metrics_WebhooksRepliesAndHub_CountersMove()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var before = await ScrapeAsync();

        var text = "Метрики " + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync(App.Sim.Telegram.TextUpdate(7700 + Random.Shared.Next(100), text))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await kit.PostAsync(App.Sim.Telegram.TextUpdate(7800, "x"), secretOverride: "wrong")).StatusCode);
        var conversation = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(text));
        var reply = await ConversationLookup.ReplyAsync(App, conversation["id"]!.GetValue<long>(), "Ответ для метрик");
        await ConversationLookup.SettledAsync(App, conversation["id"]!.GetValue<long>(), reply);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Server.BaseAddress, "/hubs/inbox"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(OknoApp.ApiToken);
            })
            .Build();
        await hub.StartAsync();

        var after = await OknoApp.EventuallyAsync(async () =>
        {
            var s = await ScrapeAsync();
            return Value(s, "okno_outbox_sends_total", "outcome=\"sent\"") > Value(before, "okno_outbox_sends_total", "outcome=\"sent\"") ? s : null;
        }, what: "a scrape that counts the sent reply");

        Assert.True(Value(after, "okno_webhooks_received_total", "channel_kind=\"Telegram\"") >= Value(before, "okno_webhooks_received_total", "channel_kind=\"Telegram\"") + 1);
        Assert.True(Value(after, "okno_webhooks_rejected_total", "channel_kind=\"Telegram\"") >= Value(before, "okno_webhooks_rejected_total", "channel_kind=\"Telegram\"") + 1);
        Assert.True(Value(after, "okno_ingest_batch_size_count") > Value(before, "okno_ingest_batch_size_count"));
        Assert.True(Value(after, "okno_ingest_commit_duration_seconds_count") > Value(before, "okno_ingest_commit_duration_seconds_count"));
        Assert.True(Value(after, "okno_outbox_sends_total", $"channel_account=\"{kit.ChannelId}\"") >= 1);
        // ASP.NET Core's own meters (http_server_*) belong to whichever host's listener a test process created first:
        // with dozens of test hosts in one process they are not this host's, so they are not asserted here.
        // The hub gauge is this host's count (several hosts in one test process: the scrape may show another's series).
        Assert.Contains("okno_hub_connections", after, StringComparison.Ordinal);
        Assert.True(App.Services.GetRequiredService<Okno.Web.Operations.OknoGauges>().HubConnections >= 1, "the hub connection is counted");
    }
}

public sealed class SqliteMetricsTests(SqliteOknoApp app) : MetricsTests<SqliteOknoApp>(app);

public sealed class PostgresMetricsTests(PostgresOknoApp app) : MetricsTests<PostgresOknoApp>(app);
