using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Okno.Core.Data;
using Okno.Simulators;

namespace Okno.Tests.Infrastructure;

/// <summary>
/// Okno in-process on a real database (a fresh SQLite file, or a fresh PostgreSQL database), with the platform
/// stand-ins on a loopback port. One per test class (IClassFixture).
/// </summary>
public abstract class OknoApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-password-1";
    public const string ApiToken = "okno_test_0123456789abcdef0123456789abcdef";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected abstract DatabaseProvider Provider { get; }
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "okno-tests", Guid.NewGuid().ToString("N"));
    public string ConnectionString { get; private set; } = "";
    public SimulatorHost Sim { get; private set; } = null!;
    /// <summary>Why this provider cannot run here (no PostgreSQL configured), or null.</summary>
    public string? Unavailable { get; protected set; }
    /// <summary>Extra configuration (e.g. Okno:Redis) applied on top of the defaults.</summary>
    public Dictionary<string, string> Settings { get; } = [];
    /// <summary>Set before InitializeAsync to share a database with another node instead of creating one.</summary>
    public string? SharedConnectionString { get; set; }

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDir);
        Sim = await SimulatorHost.StartAsync();
        ConnectionString = SharedConnectionString ?? (Provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(DataDir, "okno.db")}"
            : await CreatePostgresDatabaseAsync());
    }

    private async Task<string> CreatePostgresDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable("OKNO_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException("CI=true but OKNO_TEST_POSTGRES is not set: the PostgreSQL suite must run in CI.");
            Unavailable = "PostgreSQL suite skipped: set OKNO_TEST_POSTGRES (e.g. Host=127.0.0.1;Username=okno;Password=okno) to run it.";
            return "";
        }
        var name = "okno_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Releases the pool (idle connections would otherwise pile up across test classes) and drops the database.</summary>
    private async Task DropPostgresDatabaseAsync()
    {
        if (Provider != DatabaseProvider.Postgres || SharedConnectionString is not null || ConnectionString.Length == 0) return;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        var server = Environment.GetEnvironmentVariable("OKNO_TEST_POSTGRES");
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        try
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // Leaving a test database behind is harmless; failing the run for it is not.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Okno:DataPath", DataDir);
        builder.UseSetting("Okno:Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Okno", ConnectionString);
        builder.UseSetting("Okno:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Okno:Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Okno:Bootstrap:ApiToken", ApiToken);
        builder.UseSetting("Okno:PublicUrl", "http://okno.test");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>An HTTP client authenticated with the bootstrap admin's API token.</summary>
    public HttpClient Api()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiToken);
        return client;
    }

    public async Task<JsonObject> CreateChannelAsync(string kind, JsonObject settings, string? name = null)
    {
        using var client = Api();
        var response = await client.PostAsJsonAsync("/api/v1/channels", new JsonObject { ["kind"] = kind, ["name"] = name ?? kind + " test", ["settings"] = settings });
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 201) throw new InvalidOperationException($"Channel not created: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task<JsonObject> GetJsonAsync(string url)
    {
        using var client = Api();
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Polls until the condition holds (the outbox and receipts are asynchronous by design).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await probe();
            if (value is not null && value is not false) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting for " + (what ?? "a condition"));
            await Task.Delay(50);
        }
    }

    /// <summary>Runs before the host stops (e.g. to close a browser).</summary>
    protected virtual Task BeforeDisposeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await BeforeDisposeAsync();
        await base.DisposeAsync();
        if (Sim is not null) await Sim.DisposeAsync();
        await DropPostgresDatabaseAsync();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public sealed class SqliteOknoApp : OknoApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresOknoApp : OknoApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
