using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using Okno.Core.Data;

namespace Okno.Web.Hosting;

/// <summary>
/// Start-up that explains itself: settings, the data folder, the database and the port are checked before the host
/// starts; a problem ends the process with a non-zero code and one plain sentence (Russian, then English) naming the
/// setting that fixes it — no stack trace.
/// </summary>
public static class StartupChecks
{
    /// <summary>A wrong setting: systemd's unit does not restart on it (RestartPreventExitStatus).</summary>
    public const int ConfigurationExitCode = 78;
    /// <summary>Something outside is not there yet (database, port): worth restarting.</summary>
    public const int UnavailableExitCode = 69;

    private sealed record Deferred(StartupException Problem);

    /// <summary>Records a problem found while configuring; reported before anything starts.</summary>
    public static void Defer(WebApplicationBuilder builder, StartupException problem) => builder.Services.AddSingleton(new Deferred(problem));

    /// <summary>A list setting, either as a comma-separated string or as indexed children (Okno__X__0, Okno__X__1).</summary>
    public static List<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { Length: > 0 } single
            ? single.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0);
        return [.. values];
    }

    /// <summary>Runs the server (or a command such as <c>backup</c>); the process's exit code.</summary>
    public static async Task<int> RunOknoAsync(this WebApplication app, string[] args)
    {
        var command = OknoCommands.Find(args);
        try
        {
            if (command is not null) return await command(app);
            await CheckAsync(app);
            await app.RunAsync();
            return 0;
        }
        catch (StartupException e)
        {
            return Fail(e, e.Setting is "--urls" or "ConnectionStrings:Okno" ? UnavailableExitCode : ConfigurationExitCode, command is not null);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(PortInUse(e.Message, e), UnavailableExitCode, command is not null);
        }
    }

    private static int Fail(StartupException e, int code, bool isCommand)
    {
        Console.Error.WriteLine();
        Console.Error.WriteLine(isCommand ? "  Команда не выполнена / The command failed:" : "  Окно не запущено / Okno did not start:");
        Console.Error.WriteLine("  " + e.Message);
        Console.Error.WriteLine();
        return code;
    }

    private static async Task CheckAsync(WebApplication app)
    {
        foreach (var deferred in app.Services.GetServices<Deferred>()) throw deferred.Problem;
        var options = app.Services.GetRequiredService<OknoOptions>();
        CheckPublicUrl(options.PublicUrl);
        CheckDataFolder(options.DataPath);
        await CheckDatabaseAsync(app.Services.GetRequiredService<DatabaseOptions>());
        CheckPorts(app.Configuration["urls"] ?? "http://localhost:5000");
    }

    private static void CheckPublicUrl(string? publicUrl)
    {
        if (string.IsNullOrEmpty(publicUrl)) return;
        if (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw new StartupException("Okno:PublicUrl",
                $"Адрес «{publicUrl}» — не полный адрес сайта вида https://okno.firm.ru.",
                $"'{publicUrl}' is not a full site address such as https://okno.firm.ru.");
    }

    private static void CheckDataFolder(string dataPath)
    {
        var full = Path.GetFullPath(dataPath);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, ".okno-write-check");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException("Okno:DataPath",
                $"В папку данных {full} нельзя писать: выдайте права пользователю, от которого запущено Окно, или укажите другую папку.",
                $"The data folder {full} is not writable: give the user Okno runs as write access, or choose another folder.", e);
        }
    }

    private static async Task CheckDatabaseAsync(DatabaseOptions database)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnectionStringBuilder csb;
            try { csb = new NpgsqlConnectionStringBuilder(database.ConnectionString); }
            catch (ArgumentException e) { throw BadConnectionString(e); }
            try
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await connection.OpenAsync(cts.Token);
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or OperationCanceledException or TimeoutException)
            {
                var reason = e is PostgresException pg ? pg.MessageText : e.InnerException?.Message ?? e.Message;
                throw new StartupException("ConnectionStrings:Okno",
                    $"PostgreSQL на {csb.Host}:{csb.Port} недоступен ({reason}): проверьте, что сервер запущен, и строку подключения.",
                    $"PostgreSQL at {csb.Host}:{csb.Port} is not reachable ({reason}): check that the server runs and the connection string.", e);
            }
            return;
        }
        try
        {
            var csb = new SqliteConnectionStringBuilder(database.ConnectionString);
            if (csb.DataSource is { Length: > 0 } path && path != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
                CheckDataFolder(dir);
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
        }
        catch (ArgumentException e) { throw BadConnectionString(e); }
        catch (SqliteException e)
        {
            throw new StartupException("ConnectionStrings:Okno",
                $"Файл базы SQLite не открывается ({e.Message}).", $"The SQLite database file does not open ({e.Message}).", e);
        }
    }

    private static StartupException BadConnectionString(Exception e) =>
        new("ConnectionStrings:Okno", $"Строка подключения к базе не разбирается ({e.Message}).", $"The database connection string does not parse ({e.Message}).", e);

    private static void CheckPorts(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri))
                throw new StartupException("--urls", $"Адрес «{url}» не разбирается.", $"The address '{url}' does not parse.");
            if (uri.Port == 0) continue;
            var ip = uri.Host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed : IPAddress.Any;
            try
            {
                using var probe = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // as Kestrel: TIME_WAIT is no conflict
                probe.Bind(new IPEndPoint(ip, uri.Port));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw PortInUse(url, e);
            }
            catch (SocketException)
            {
                // Not ours to judge (e.g. no IPv6 here): Kestrel tells.
            }
        }
    }

    private static StartupException PortInUse(string url, Exception e) =>
        new("--urls",
            $"Порт уже занят другой программой ({url}): остановите её или укажите другой адрес (--urls, ASPNETCORE_URLS; для ./run.sh — OKNO_URLS).",
            $"The port is already in use by another program ({url}): stop it or choose another address (--urls, ASPNETCORE_URLS; for ./run.sh OKNO_URLS).", e);
}
