using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Messages;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Operations;

/// <summary>/readyz: ready when the database answers, migrations are applied and the writer and outbox run; 503 with the reason otherwise.</summary>
public abstract class ReadinessTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Readyz_RunningApp_ReadyWithEveryCheck()
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync("/readyz");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", body["status"]!.GetValue<string>());
        var names = body["checks"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["database", "migrations", "ingestWriter", "outboxWorker"], names);
        Assert.All(body["checks"]!.AsArray(), c => Assert.True(c!["ok"]!.GetValue<bool>()));
        Assert.Equal("ok", await client.GetStringAsync("/healthz")); // unchanged
    }

    [SkippableFact]
    public async Task Readyz_OutboxWorkerStopped_503WithReason()
    {
        // A separate app: stopping its worker must not disturb the class's shared one.
        var own = Activator.CreateInstance<TApp>();
        await ((Xunit.IAsyncLifetime)own).InitializeAsync();
        try
        {
            Skip.If(own.Unavailable is not null, own.Unavailable);
            using var client = own.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
            await own.Services.GetRequiredService<OutboxWorker>().StopAsync(CancellationToken.None);
            using var response = await client.GetAsync("/readyz");
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("not ready", body["status"]!.GetValue<string>());
            Assert.Contains("outbox worker is not running", body["reasons"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }
        finally { await ((Xunit.IAsyncLifetime)own).DisposeAsync(); }
    }
}

public sealed class SqliteReadinessTests(SqliteOknoApp app) : ReadinessTests<SqliteOknoApp>(app);

public sealed class PostgresReadinessTests(PostgresOknoApp app) : ReadinessTests<PostgresOknoApp>(app);
