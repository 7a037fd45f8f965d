using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Okno.Core.Data;
using Okno.Core.Messages;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Messages;

/// <summary>
/// Issue 17.2: when the writer is behind, a webhook is refused with 503 and Retry-After instead of waiting in memory;
/// what was already queued is committed and answered 200, and the refused one is stored when the platform delivers
/// it again. The writer is held back for real: another connection holds the database's write lock.
/// </summary>
public abstract class IngestBackpressureTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    /// <summary>Takes the lock the writer needs; disposing the connection lets it go.</summary>
    protected abstract Task<DbConnection> HoldWriterAsync();

    [SkippableFact]
    public async Task WriterBehind_NextWebhook503WithRetryAfter_QueuedOnesCommitted_RefusedOneStoredOnRedelivery()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var writer = App.Services.GetRequiredService<IngestWriter>();
        var client = 7_700_000 + Random.Shared.Next(100_000);
        var updates = Enumerable.Range(1, 4).Select(i => App.Sim.Telegram.TextUpdate(client + i, $"Очередь записи {i} {Guid.NewGuid():N}")).ToList();
        var text = (int i) => updates[i]["message"]!["text"]!.GetValue<string>();

        Task<HttpResponseMessage> first, second, third;
        HttpResponseMessage refused;
        await using (await HoldWriterAsync())
        {
            first = kit.PostAsync(updates[0]); // the writer takes it and waits for the lock
            await Task.Delay(500);
            second = kit.PostAsync(updates[1]);
            await OknoApp.EventuallyAsync(() => Task.FromResult(writer.QueueDepth >= 1 ? true : (bool?)null), what: "the second webhook queued");
            third = kit.PostAsync(updates[2]);
            await OknoApp.EventuallyAsync(() => Task.FromResult(writer.QueueDepth >= 2 ? true : (bool?)null), what: "the third webhook queued");

            refused = await kit.PostAsync(updates[3]);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
            Assert.False(first.IsCompleted || second.IsCompleted || third.IsCompleted, "nothing is acknowledged before it is committed");
        }

        foreach (var pending in new[] { first, second, third }) Assert.Equal(HttpStatusCode.OK, (await pending).StatusCode);
        for (var i = 0; i < 3; i++) Assert.NotNull(await kit.FindConversationAsync(text(i)));
        Assert.Null(await kit.FindConversationAsync(text(3)));

        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync(updates[3])).StatusCode); // the platform delivers it again
        Assert.NotNull(await kit.FindConversationAsync(text(3)));
    }
}

public sealed class BackpressureSqliteApp : OknoApp
{
    public BackpressureSqliteApp() => Settings["Okno:Ingest:MaxQueue"] = "2";
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class BackpressurePostgresApp : OknoApp
{
    public BackpressurePostgresApp() => Settings["Okno:Ingest:MaxQueue"] = "2";
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class SqliteIngestBackpressureTests(BackpressureSqliteApp app) : IngestBackpressureTests<BackpressureSqliteApp>(app)
{
    protected override async Task<DbConnection> HoldWriterAsync()
    {
        var connection = new SqliteConnection(App.ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE"; // the one write lock: the writer's commit waits (busy timeout) until it goes
        await begin.ExecuteNonQueryAsync();
        return connection;
    }
}

public sealed class PostgresIngestBackpressureTests(BackpressurePostgresApp app) : IngestBackpressureTests<BackpressurePostgresApp>(app)
{
    protected override async Task<DbConnection> HoldWriterAsync()
    {
        var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = """BEGIN; LOCK TABLE "Messages" IN SHARE ROW EXCLUSIVE MODE""";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }
}
