using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Okno.Core.Events;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Realtime;

/// <summary>Node A takes webhooks (in-process); node B serves a real browser on Kestrel; one PostgreSQL, one Redis.</summary>
public sealed class TwoNodeBrowserCluster : IAsyncLifetime
{
    public PostgresOknoApp A { get; } = new();
    public PostgresBrowserOknoApp B { get; } = new();
    public string? Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        var redis = Environment.GetEnvironmentVariable("OKNO_TEST_REDIS");
        if (string.IsNullOrEmpty(redis))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException("CI=true but OKNO_TEST_REDIS is not set.");
            Unavailable = "Two-node browser tests skipped: set OKNO_TEST_REDIS and OKNO_TEST_POSTGRES.";
            return;
        }
        A.Settings["Okno:Redis"] = redis;
        await ((IAsyncLifetime)A).InitializeAsync();
        Unavailable = A.Unavailable;
        if (Unavailable is not null) return;
        _ = A.Server; // migrate and bootstrap on A before B starts
        B.Settings["Okno:Redis"] = redis;
        B.SharedConnectionString = A.ConnectionString;
        await ((IAsyncLifetime)B).InitializeAsync();
        Unavailable = B.Unavailable;
    }

    public async Task DisposeAsync()
    {
        if (B.Sim is not null) await ((IAsyncLifetime)B).DisposeAsync();
        if (A.Sim is not null) await ((IAsyncLifetime)A).DisposeAsync();
    }
}

/// <summary>One live-event stream on every node: what node A commits, node B's operator app and hub show, once each.</summary>
public sealed class TwoNodeLiveTests(TwoNodeBrowserCluster cluster) : IClassFixture<TwoNodeBrowserCluster>
{
    private TwoNodeBrowserCluster Cluster
    {
        get
        {
            Skip.If(cluster.Unavailable is not null, cluster.Unavailable);
            return cluster;
        }
    }

    [SkippableFact]
    public async Task WebhookOnNodeA_OperatorSignedInOnNodeB_SeesItLiveInTheBrowser_EachAudienceOnce()
    {
        var c = Cluster;
        var page = await c.B.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        await page.ClickAsync("[data-test=tab-Queue]");
        await page.EvaluateAsync("() => window.__oknoSamePage = true"); // gone if the page reloads
        var streamOnB = new ConcurrentQueue<OknoEvent>();
        using var subscription = c.B.Services.GetRequiredService<ILiveEvents>().Subscribe(streamOnB.Enqueue);
        var hubOnB = new ConcurrentQueue<long>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(c.B.BaseUrl + "/hubs/inbox"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(OknoApp.ApiToken);
            }).Build();
        hub.On<InboxHubTests.HubMessage>("messageCreated", m => hubOnB.Enqueue(m.ConversationId));
        await hub.StartAsync();
        var kit = await TelegramTestKit.CreateAsync(c.A);
        var text = "Живьём через узел A " + Guid.NewGuid();

        await kit.PostAsync(c.A.Sim.Telegram.TextUpdate(9701, text));

        await page.Locator("[data-test=row]", new() { HasText = text }).WaitForAsync(new() { Timeout = 30_000 });
        var conversationId = (await kit.FindConversationAsync(text))!["id"]!.GetValue<long>();
        await OknoApp.EventuallyAsync(async () => { await Task.Yield(); return hubOnB.Contains(conversationId); }, TimeSpan.FromSeconds(10), "the hub client on B");
        await Task.Delay(TimeSpan.FromSeconds(1)); // a duplicate would arrive by now
        Assert.True(await page.EvaluateAsync<bool>("() => window.__oknoSamePage === true")); // live, not by a reload
        Assert.Single(streamOnB.OfType<MessageCreated>(), m => m.ConversationId == conversationId);
        Assert.Single(streamOnB.OfType<ConversationUpdated>(), u => u.ConversationId == conversationId && u.Change == ConversationChange.Message);
        Assert.Single(hubOnB, id => id == conversationId); // the hub no longer gets it twice (backplane + stream)
    }
}
