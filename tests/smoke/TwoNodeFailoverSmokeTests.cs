using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Okno.Simulators;
using Okno.Tests.Infrastructure;

namespace Okno.Smoke;

/// <summary>
/// Issue 17.5 as a firm runs it: two published nodes on one PostgreSQL and Redis behind a real nginx (the README's
/// "Several nodes" upstream). A Telegram channel in long-polling mode is polled by exactly one node; that node is
/// killed with SIGKILL (no clean stop, its lease is not given back); the other takes the poll over within the lease
/// time, continues from the shared cursor, and nothing is imported twice. The API keeps answering through nginx.
/// </summary>
[Collection(SmokeCollection.Name)]
public sealed class TwoNodeFailoverSmokeTests(SmokeClone clone)
{
    private const string ApiToken = "okno_smoke_fedcba9876543210fedcba9876543210";
    private const string BotToken = "7000000002:AAE-failover_token-abcdefghijklm";
    private const int LeaseSeconds = 5;

    [SkippableFact]
    public async Task TwoNodesBehindNginx_KillThePollingNode_TheOtherTakesOver_NothingImportedTwice()
    {
        var server = Environment.GetEnvironmentVariable("OKNO_TEST_POSTGRES");
        var redis = Environment.GetEnvironmentVariable("OKNO_TEST_REDIS");
        var ci = Environment.GetEnvironmentVariable("CI") == "true";
        if (string.IsNullOrEmpty(server) || string.IsNullOrEmpty(redis) || NginxProcess.Binary() is null)
        {
            if (ci) throw new InvalidOperationException("CI=true but OKNO_TEST_POSTGRES, OKNO_TEST_REDIS or nginx is missing.");
            Skip.If(true, "two-node smoke skipped: set OKNO_TEST_POSTGRES and OKNO_TEST_REDIS and install nginx");
        }

        var database = "okno_smoke_" + Guid.NewGuid().ToString("N")[..10];
        await ExecuteAsync(server!, $"CREATE DATABASE {database}");
        var shared = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        try
        {
            await RunAsync(shared, redis!);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private async Task RunAsync(string shared, string redis)
    {
        var published = clone.Published;
        await using var sim = await SimulatorHost.StartAsync();
        var ports = new[] { SmokeClone.FreePort(), SmokeClone.FreePort() };
        var nodes = new List<OknoProcess>();
        try
        {
            foreach (var port in ports) // one after the other: the first migrates and bootstraps, as the README says
            {
                var data = Directory.CreateDirectory(Path.Combine(clone.Work, $"node-{port}")).FullName;
                var node = OknoProcess.Start("dotnet", [Path.Combine(published, "Okno.Web.dll"), "--urls", $"http://127.0.0.1:{port}"], data,
                    new Dictionary<string, string?>
                    {
                        ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Okno__DataPath"] = data, ["Okno__Database__Provider"] = "Postgres",
                        ["ConnectionStrings__Okno"] = shared, ["Okno__Redis"] = redis, ["Okno__Leases__Seconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["Okno__Bootstrap__ApiToken"] = ApiToken,
                    });
                nodes.Add(node);
                await node.WaitForWelcomeAsync(TimeSpan.FromMinutes(2));
            }
            var site = await File.ReadAllTextAsync(Path.Combine(clone.Repo, "deploy", "nginx", "okno.conf"));
            await using var nginx = await NginxProcess.StartAsync(site, ports);
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
            using var http = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{nginx.HttpsPort}") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);

            var created = await http.PostAsJsonAsync("/api/v1/channels", new JsonObject
            {
                ["kind"] = "telegram", ["name"] = "Fail-over bot",
                ["settings"] = new JsonObject { ["botToken"] = BotToken, ["secretToken"] = "s-" + Guid.NewGuid().ToString("N"), ["mode"] = "polling", ["apiBaseUrl"] = sim.UrlOf("telegram") },
            });
            var channel = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
            Assert.True(created.StatusCode == HttpStatusCode.Created, channel.ToJsonString());
            var channelId = channel["id"]!.GetValue<string>();
            var sinceCreated = Stopwatch.StartNew();
            var lease = "poll:" + channelId;

            var client = 9_300_000 + Random.Shared.Next(100_000);
            var first = sim.Telegram.TextUpdate(client, "До сбоя узла " + Guid.NewGuid().ToString("N")[..8], "Кира");
            sim.Telegram.EnqueueForPolling(first);
            var conversationId = await EventuallyAsync(async () => await FindConversationAsync(http, first), "the first polled message");
            var holder = await EventuallyAsync(() => HolderAsync(shared, lease), "a node to hold the poll lease");
            var victim = nodes.Single(n => holder.Split('/')[1] == n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var survivor = nodes.Single(n => n != victim);

            // A node looks for new polling channels every 30 s unless the change was made on it: let the survivor see it.
            var rest = TimeSpan.FromSeconds(32) - sinceCreated.Elapsed;
            if (rest > TimeSpan.Zero) await Task.Delay(rest);
            Assert.Equal(holder, await HolderAsync(shared, lease)); // renewed all along: it stays where it is

            var killed = Stopwatch.StartNew();
            Assert.Equal(0, Kill(victim.Id, 9)); // SIGKILL: the lease is not given back, it must expire
            await victim.WaitForExitAsync(TimeSpan.FromSeconds(10));
            var taken = await EventuallyAsync(async () => await HolderAsync(shared, lease) is { } h && h != holder ? h : null,
                "the surviving node to take the poll lease", TimeSpan.FromSeconds(LeaseSeconds * 4));
            var takeover = killed.Elapsed;
            Assert.Equal(survivor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), taken.Split('/')[1]);
            SmokeClone.Record($"two nodes: SIGKILL of the polling node until the other holds its lease ({LeaseSeconds} s leases)", killed.ElapsedMilliseconds);

            var second = sim.Telegram.TextUpdate(client, "После сбоя узла " + Guid.NewGuid().ToString("N")[..8], "Кира");
            sim.Telegram.EnqueueForPolling(second);
            var messages = await EventuallyAsync(async () => await MessagesAsync(http, conversationId) is { Count: >= 2 } l ? l : null,
                "the message polled by the surviving node (through nginx, the dead node skipped)");
            SmokeClone.Record("two nodes: SIGKILL until the next update is imported by the survivor", killed.ElapsedMilliseconds);
            await Task.Delay(TimeSpan.FromSeconds(2));

            Assert.InRange(takeover, TimeSpan.Zero, TimeSpan.FromSeconds(LeaseSeconds + LeaseSeconds / 3.0 + 3));
            var texts = (await MessagesAsync(http, conversationId)).Select(m => m["text"]?.GetValue<string>()).ToList();
            Assert.Equal(2, texts.Count);
            Assert.Single(texts, t => t == first["message"]!["text"]!.GetValue<string>());
            Assert.Single(texts, t => t == second["message"]!["text"]!.GetValue<string>());
            Assert.False(survivor.HasExited, survivor.Output);
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    private static async Task<long?> FindConversationAsync(HttpClient http, JsonObject update)
    {
        var text = update["message"]!["text"]!.GetValue<string>();
        var page = JsonNode.Parse(await http.GetStringAsync("/api/v1/conversations?limit=200"))!;
        return page["items"]!.AsArray().FirstOrDefault(i => i!["lastMessagePreview"]?.GetValue<string>()?.Contains(text, StringComparison.Ordinal) == true)?["id"]!.GetValue<long>();
    }

    private static async Task<List<JsonObject>> MessagesAsync(HttpClient http, long? conversationId) =>
        JsonNode.Parse(await http.GetStringAsync($"/api/v1/conversations/{conversationId}/messages"))!["items"]!.AsArray().Select(m => m!.AsObject()).ToList();

    private static async Task<string?> HolderAsync(string connectionString, string lease)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Holder" FROM "Leases" WHERE "Name" = @name AND "ExpiresAt" > now()""";
        command.Parameters.AddWithValue("name", lease);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
    {
        var until = Stopwatch.StartNew();
        while (true)
        {
            try { if (await probe() is { } value) return value; }
            catch (HttpRequestException) { } // a node going down mid-request: nginx answers the next one from the other
            if (until.Elapsed > (timeout ?? TimeSpan.FromSeconds(60))) throw new TimeoutException($"waited {until.Elapsed.TotalSeconds:0} s for {what}");
            await Task.Delay(200);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
