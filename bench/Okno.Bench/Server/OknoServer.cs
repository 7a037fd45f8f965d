using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Okno.Bench.Server;

/// <summary>
/// An Okno server as a child process (the Release build of src/Okno.Web), on a fresh data folder and database,
/// that can be killed with SIGKILL and started again on the same data; or a running server given by URL.
/// </summary>
public sealed class OknoServer : IAsyncDisposable
{
    public const string DefaultToken = "okno_bench_0123456789abcdef0123456789abcdef";
    private readonly Queue<string> _lastOutput = new();
    private readonly Dictionary<string, string> _extraEnv;
    private Process? _process;
    private long _peakRssKb;

    public string Url { get; }
    public string Token { get; }
    public string DataPath { get; }
    public string? PostgresConnection { get; }
    public bool IsChild { get; }
    public int? Pid => _process is { HasExited: false } p ? p.Id : null;
    public int Starts { get; private set; }

    private OknoServer(string url, string token, string dataPath, string? postgres, bool child, Dictionary<string, string>? env)
    {
        Url = url;
        Token = token;
        DataPath = dataPath;
        PostgresConnection = postgres;
        IsChild = child;
        _extraEnv = env ?? [];
    }

    public static OknoServer Remote(string url, string token) => new(url.TrimEnd('/'), token, "", null, false, null);

    /// <summary>A child server on a free port, a fresh temp folder and (with <paramref name="postgresServer"/>) a fresh database.</summary>
    public static async Task<OknoServer> CreateChildAsync(string? postgresServer, Dictionary<string, string>? env = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "okno-bench", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(data);
        string? pg = null;
        if (postgresServer is { Length: > 0 })
        {
            var name = "okno_bench_" + Guid.NewGuid().ToString("N")[..10];
            await using var connection = new NpgsqlConnection(postgresServer);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync();
            pg = new NpgsqlConnectionStringBuilder(postgresServer) { Database = name, MaxPoolSize = 100 }.ConnectionString;
        }
        return new OknoServer($"http://127.0.0.1:{FreePort()}", DefaultToken, data, pg, true, env);
    }

    public string SqliteFile => Path.Combine(DataPath, "okno.db");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the child (again, on the same data) and waits until /healthz answers.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (!IsChild) { await WaitHealthyAsync(timeout ?? TimeSpan.FromSeconds(30)); return; }
        var dll = ServerBinaries.WebDll();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(Url);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Okno__DataPath"] = DataPath;
        psi.Environment["Okno__PublicUrl"] = Url;
        psi.Environment["Okno__Bootstrap__ApiToken"] = Token;
        psi.Environment["Okno__Bootstrap__AdminPassword"] = "Bench-password-1";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning";
        if (PostgresConnection is not null)
        {
            psi.Environment["Okno__Database__Provider"] = "Postgres";
            psi.Environment["ConnectionStrings__Okno"] = PostgresConnection;
        }
        foreach (var (k, v) in _extraEnv) psi.Environment[k] = v;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        _peakRssKb = 0;
        Starts++;
        try { await WaitHealthyAsync(timeout ?? TimeSpan.FromSeconds(90)); }
        catch (TimeoutException) { throw new TimeoutException("Okno did not become healthy. Last output:\n" + LastOutput()); }
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_lastOutput)
        {
            _lastOutput.Enqueue(line);
            while (_lastOutput.Count > 40) _lastOutput.Dequeue();
        }
    }

    public string LastOutput()
    {
        lock (_lastOutput) return string.Join('\n', _lastOutput);
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process is { HasExited: true }) throw new InvalidOperationException("Okno exited at start:\n" + LastOutput());
            try
            {
                using var r = await http.GetAsync(Url + "/healthz");
                if (r.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException();
    }

    /// <summary>CPU time (user + system) the current child has used so far.</summary>
    public TimeSpan CpuTime() => CpuOf(_process);

    public static TimeSpan CpuOf(Process? process)
    {
        try { return process is { HasExited: false } p ? p.TotalProcessorTime : TimeSpan.Zero; }
        catch (InvalidOperationException) { return TimeSpan.Zero; }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush — what a power cut or the OOM killer does.</summary>
    public void Kill()
    {
        if (_process is not { } p) return;
        SamplePeakRss();
        try { p.Kill(entireProcessTree: false); } catch (InvalidOperationException) { }
        p.WaitForExit(10_000);
        p.Dispose();
        _process = null;
    }

    /// <summary>Peak resident set (VmHWM) of the current child in KB, kept across samples of this start.</summary>
    public long SamplePeakRss()
    {
        if (Pid is not { } pid) return _peakRssKb;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    _peakRssKb = Math.Max(_peakRssKb, long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
        }
        catch (IOException) { }
        return _peakRssKb;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        if (!IsChild) return;
        if (Environment.GetEnvironmentVariable("OKNO_BENCH_KEEP") == "1") { Console.WriteLine($"  kept: {DataPath} {PostgresConnection}"); return; }
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        if (PostgresConnection is not null)
        {
            var csb = new NpgsqlConnectionStringBuilder(PostgresConnection);
            var name = csb.Database;
            csb.Database = "postgres";
            NpgsqlConnection.ClearAllPools();
            try
            {
                await using var connection = new NpgsqlConnection(csb.ConnectionString);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
                await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException) { }
        }
    }
}
