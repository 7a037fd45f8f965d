using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Realtime;

/// <summary>Two Okno nodes on one PostgreSQL database and one Redis: what one node takes in, the other's operators see.</summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    public PostgresOknoApp A { get; } = new();
    public PostgresOknoApp B { get; } = new();
    public string? Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        var redis = Environment.GetEnvironmentVariable("OKNO_TEST_REDIS");
        if (string.IsNullOrEmpty(redis))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException("CI=true but OKNO_TEST_REDIS is not set.");
            Unavailable = "Two-node tests skipped: set OKNO_TEST_REDIS (e.g. 127.0.0.1:6379) and OKNO_TEST_POSTGRES.";
            return;
        }
        A.Settings["Okno:Redis"] = redis;
        // Nodes of one installation share the Data Protection key ring: on PostgreSQL it lives in the database,
        // so B reads the channel secrets A stored without any shared folder (each node has its own DataPath).
        await ((IAsyncLifetime)A).InitializeAsync();
        Unavailable = A.Unavailable;
        if (Unavailable is not null) return;
        B.Settings["Okno:Redis"] = redis;
        B.SharedConnectionString = A.ConnectionString;
        await ((IAsyncLifetime)B).InitializeAsync();
        _ = A.Server; // migrate and bootstrap on A before B starts
    }

    public async Task DisposeAsync()
    {
        if (B.Sim is not null) await ((IAsyncLifetime)B).DisposeAsync();
        if (A.Sim is not null) await ((IAsyncLifetime)A).DisposeAsync();
    }
}

public sealed class TwoNodeTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private TwoNodeCluster Cluster
    {
        get
        {
            Skip.If(cluster.Unavailable is not null, cluster.Unavailable);
            return cluster;
        }
    }

    [SkippableFact]
    public async Task WebhookOnNodeA_OperatorOnNodeB_GetsMessageCreated()
    {
        var c = Cluster;
        var kit = await TelegramTestKit.CreateAsync(c.A);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(c.B.Server.BaseAddress, "/hubs/inbox"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => c.B.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(OknoApp.ApiToken);
            }).Build();
        var created = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<InboxHubTests.HubMessage>("messageCreated", m => created.TrySetResult(m.ConversationId));
        await hub.StartAsync();

        var text = "Через два узла " + Guid.NewGuid();
        await kit.PostAsync(c.A.Sim.Telegram.TextUpdate(9401, text));

        var conversationId = await created.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var fromB = await c.B.GetJsonAsync($"/api/v1/conversations/{conversationId}");
        Assert.Equal(text, fromB["lastMessagePreview"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Reply_TwoOutboxWorkers_SentExactlyOnce()
    {
        var c = Cluster;
        _ = c.B.Server; // both nodes' workers are running
        var kit = await TelegramTestKit.CreateAsync(c.A);
        var text = "Один раз " + Guid.NewGuid();
        await kit.PostAsync(c.A.Sim.Telegram.TextUpdate(9402, text));
        var conversationId = (await kit.FindConversationAsync(text))!["id"]!.GetValue<long>();
        using var client = c.B.Api();

        var replies = Enumerable.Range(0, 10).Select(i => $"Ответ {i} {Guid.NewGuid()}").ToList();
        foreach (var reply in replies)
            (await client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { text = reply })).EnsureSuccessStatusCode();
        await OknoApp.EventuallyAsync(async () => (await kit.MessagesAsync(conversationId)).Count(m => m!["status"]!.GetValue<string>() == "sent") == 10, TimeSpan.FromSeconds(60));

        foreach (var reply in replies)
            Assert.Single(c.A.Sim.Telegram.CallsTo("sendMessage"), call => call.Body["text"]?.GetValue<string>() == reply);
    }
}
