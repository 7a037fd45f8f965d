using Okno.Bench.Server;

namespace Okno.Bench.Query;

/// <summary>P3: start Okno once (migrations create the real schema), stop it, seed, start it again, time the reads.</summary>
public static class QueryRun
{
    public sealed record Result(string Database, int Contacts, int Conversations, int Messages, double SeedSeconds, List<QueryBench.QueryResult> Queries, SearchBench.Result? Search);

    public static async Task<Result> RunAsync(BenchOptions o)
    {
        var shape = new Seeder.Shape(o.SeedMessages / 20, o.SeedMessages / 10, o.SeedMessages);
        await using var server = await OknoServer.CreateChildAsync(o.Postgres);
        await server.StartAsync();
        using (var api = new OknoApi(server.Url, server.Token))
            await api.CreateTelegramAsync("http://127.0.0.1:9"); // nobody listens: set-up fails fast, the channel exists
        server.Kill();
        ISeedTarget target = server.PostgresConnection is { } pg ? new PostgresSeedTarget(pg) : new SqliteSeedTarget(server.SqliteFile);
        var seeded = await Seeder.SeedAsync(target, shape);
        Console.WriteLine($"  seeded {shape.Contacts:N0} contacts, {shape.Conversations:N0} conversations, {shape.Messages:N0} messages in {seeded.Seconds:F0} s");
        var started = System.Diagnostics.Stopwatch.StartNew();
        await server.StartAsync();
        var indexSeconds = await SearchBench.WaitForBackgroundAsync(server, started, shape.Messages); // before timing reads: the start-up work is not competing with them
        using var client = new OknoApi(server.Url, server.Token);
        var queries = await QueryBench.RunAsync(client, shape, seeded.ChannelId, o.QueryRequests);
        var search = o.SkipSearch ? null : await SearchBench.RunAsync(client, seeded, o.QueryRequests, indexSeconds);
        return new Result(server.PostgresConnection is null ? "SQLite" : "PostgreSQL", shape.Contacts, shape.Conversations, shape.Messages, seeded.Seconds, queries, search);
    }
}
