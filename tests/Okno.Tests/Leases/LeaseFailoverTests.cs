using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Okno.Core.Conversations;
using Okno.Core.Leases;
using Okno.Simulators;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using Okno.Web.Channels;

namespace Okno.Tests.Leases;

/// <summary>
/// Two nodes on one PostgreSQL database with 3-second leases and a Telegram stand-in of their own (not a node's,
/// so stopping a node leaves it running). Either node may be stopped: the database belongs to the fixture.
/// </summary>
public sealed class LeaseCluster : IAsyncLifetime
{
    public PostgresOknoApp A { get; } = new();
    public PostgresOknoApp B { get; } = new();
    public SimulatorHost Sim { get; private set; } = null!;
    public string? Unavailable { get; private set; }
    private string _database = "";
    private readonly HashSet<OknoApp> _stopped = [];

    /// <summary>Stops a node the way a host stops (its hosted services end, its leases are given back).</summary>
    public async Task StopAsync(PostgresOknoApp node)
    {
        _stopped.Add(node);
        await ((IAsyncLifetime)node).DisposeAsync();
    }

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("OKNO_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException("CI=true but OKNO_TEST_POSTGRES is not set.");
            Unavailable = "Lease fail-over tests skipped: set OKNO_TEST_POSTGRES.";
            return;
        }
        _database = "okno_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {_database}";
            await command.ExecuteNonQueryAsync();
        }
        var shared = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
        Sim = await SimulatorHost.StartAsync();
        foreach (var node in new[] { A, B })
        {
            node.Settings["Okno:Leases:Seconds"] = "3";
            node.SharedConnectionString = shared;
            await ((IAsyncLifetime)node).InitializeAsync();
            _ = node.Server; // A migrates and bootstraps before B starts
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { B, A })
            if (node.Sim is not null && !_stopped.Contains(node)) await ((IAsyncLifetime)node).DisposeAsync();
        if (Sim is not null) await Sim.DisposeAsync();
        if (_database.Length == 0) return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("OKNO_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException) { }
    }
}

public sealed class LeaseFailoverTests(LeaseCluster cluster) : IClassFixture<LeaseCluster>
{
    private LeaseCluster Cluster
    {
        get
        {
            Skip.If(cluster.Unavailable is not null, cluster.Unavailable);
            return cluster;
        }
    }

    [SkippableFact]
    public async Task PollingChannel_OneNodePolls_StopIt_TheOtherTakesOverWithinTheLease_NothingImportedTwice()
    {
        var c = Cluster;
        var created = await c.A.CreateChannelAsync("telegram", new JsonObject
        {
            ["botToken"] = TelegramTestKit.BotToken, ["secretToken"] = "s3cret-" + Guid.NewGuid().ToString("N"), ["mode"] = "polling",
            ["apiBaseUrl"] = c.Sim.UrlOf("telegram"),
        });
        var channelId = Guid.Parse(created["id"]!.GetValue<string>());
        var pollLease = ChannelPollingService.LeaseName(channelId);
        c.B.Services.GetRequiredService<ChannelPollingService>().Refresh(); // B looks at the new channel now, not in 30 s
        var ids = new Dictionary<string, PostgresOknoApp> { [NodeOf(c.A)] = c.A, [NodeOf(c.B)] = c.B };
        var holder = ids[await OknoApp.EventuallyAsync(() => Leases(c.A).HolderAsync(pollLease, default), what: "a node to take the poll lease")];
        var survivor = holder == c.A ? c.B : c.A;
        var schedulerHolder = await Leases(c.A).HolderAsync(ReturnScheduler.LeaseName, default);

        var first = c.Sim.Telegram.TextUpdate(9601, "До остановки узла " + Guid.NewGuid());
        c.Sim.Telegram.EnqueueForPolling(first);
        var conversation = await OknoApp.EventuallyAsync(() => FindAsync(survivor, "До остановки узла"), what: "the first polled message");
        await Task.Delay(TimeSpan.FromSeconds(2)); // several renewals: the lease stays where it is
        Assert.Equal(NodeOf(holder), await Leases(survivor).HolderAsync(pollLease, default));

        var stopped = System.Diagnostics.Stopwatch.StartNew();
        await c.StopAsync(holder);
        await OknoApp.EventuallyAsync(async () => await Leases(survivor).HolderAsync(pollLease, default) == NodeOf(survivor),
            TimeSpan.FromSeconds(10), "the surviving node to take the poll lease");
        var takeover = stopped.Elapsed;
        var callsBefore = c.Sim.Telegram.CallsTo("getUpdates").Count();
        var second = c.Sim.Telegram.TextUpdate(9601, "После остановки узла " + Guid.NewGuid());
        c.Sim.Telegram.EnqueueForPolling(second);

        var messages = await OknoApp.EventuallyAsync(async () =>
        {
            var l = await MessagesAsync(survivor, conversation["id"]!.GetValue<long>());
            return l.Count >= 2 ? l : null;
        }, what: "the message polled by the surviving node");
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.InRange(takeover, TimeSpan.Zero, TimeSpan.FromSeconds(3 + 1 + 2)); // the lease time, one renew tick, slack
        Assert.Equal(2, (await MessagesAsync(survivor, conversation["id"]!.GetValue<long>())).Count);
        Assert.Contains(second["message"]!["text"]!.GetValue<string>(), messages[1]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        // The survivor continued from the shared cursor: it never asked for the first update again.
        Assert.All(c.Sim.Telegram.CallsTo("getUpdates").Skip(callsBefore),
            call => Assert.True((call.Body["offset"]?.GetValue<long>() ?? 0) > first["update_id"]!.GetValue<long>()));
        Assert.NotNull(schedulerHolder);
        await OknoApp.EventuallyAsync(async () => await Leases(survivor).HolderAsync(ReturnScheduler.LeaseName, default) == NodeOf(survivor),
            TimeSpan.FromSeconds(10), "the surviving node to run the return scheduler");
    }

    private static LeaseStore Leases(OknoApp node) => node.Services.GetRequiredService<LeaseStore>();
    private static string NodeOf(OknoApp node) => Leases(node).NodeId;

    private static async Task<JsonObject?> FindAsync(OknoApp node, string text)
    {
        var page = await node.GetJsonAsync("/api/v1/conversations?limit=200");
        return page["items"]!.AsArray().FirstOrDefault(i => i!["lastMessagePreview"]?.GetValue<string>()?.Contains(text, StringComparison.Ordinal) == true)?.AsObject();
    }

    private static async Task<List<JsonObject>> MessagesAsync(OknoApp node, long conversationId) =>
        (await node.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages"))["items"]!.AsArray().Select(m => m!.AsObject()).ToList();
}
