using System.Net;
using System.Net.Sockets;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Hosting;

/// <summary>
/// Start-up that explains itself: the real process (the build output) with one thing wrong ends with a non-zero code
/// and one plain sentence in Russian and English naming the setting — no stack trace.
/// </summary>
public sealed class StartupErrorTests
{
    private static async Task<(int Code, string Output)> StartAsync(Func<string, string[]> args)
    {
        var folder = Directory.CreateTempSubdirectory("okno-startup-").FullName;
        try
        {
            await using var okno = OknoProcess.Start("dotnet", [RepoPaths.WebBuildOutput, .. args(folder)], folder,
                new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
            Assert.True(await okno.WaitForExitAsync(TimeSpan.FromSeconds(90)), "Okno kept running:\n" + okno.Output);
            return (okno.ExitCode, okno.Output);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static void AssertPlain(string output, string setting, string russian, string english)
    {
        Assert.Contains("Okno did not start", output, StringComparison.Ordinal);
        Assert.Contains(setting, output, StringComparison.Ordinal);
        Assert.Contains(russian, output, StringComparison.Ordinal);
        Assert.Contains(english, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // no stack trace
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnknownDatabaseProvider_ExitsWithPlainSentence()
    {
        var (code, output) = await StartAsync(_ => ["--urls", "http://127.0.0.1:0", "--Okno:Database:Provider=Oracle"]);
        Assert.Equal(78, code);
        AssertPlain(output, "Okno:Database:Provider", "Неизвестная база «Oracle»", "Unknown database 'Oracle'");
    }

    [Fact]
    public async Task Start_UnreachablePostgres_ExitsWithPlainSentence()
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; } // nobody listens there now
        var (code, output) = await StartAsync(_ => ["--urls", "http://127.0.0.1:0", "--Okno:Database:Provider=Postgres",
            $"--ConnectionStrings:Okno=Host=127.0.0.1;Port={port};Username=okno;Password=okno;Database=okno;Timeout=5"]);
        Assert.Equal(69, code);
        AssertPlain(output, "ConnectionStrings:Okno", $"PostgreSQL на 127.0.0.1:{port} недоступен", $"PostgreSQL at 127.0.0.1:{port} is not reachable");
    }

    [Fact]
    public async Task Start_UnwritableDataFolder_ExitsWithPlainSentence()
    {
        // Root may write anywhere, so the folder is made impossible: its parent is a file.
        var (code, output) = await StartAsync(folder =>
        {
            File.WriteAllText(Path.Combine(folder, "not-a-folder"), "x");
            return ["--urls", "http://127.0.0.1:0", $"--Okno:DataPath={Path.Combine(folder, "not-a-folder", "data")}"];
        });
        Assert.Equal(78, code);
        AssertPlain(output, "Okno:DataPath", "нельзя писать", "is not writable");
    }

    [Fact]
    public async Task Start_MalformedPublicUrl_ExitsWithPlainSentence()
    {
        var (code, output) = await StartAsync(_ => ["--urls", "http://127.0.0.1:0", "--Okno:PublicUrl=okno.firm.ru"]);
        Assert.Equal(78, code);
        AssertPlain(output, "Okno:PublicUrl", "не полный адрес сайта", "is not a full site address");
    }

    [Fact]
    public async Task Start_PortInUse_ExitsWithPlainSentence()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (code, output) = await StartAsync(_ => ["--urls", $"http://127.0.0.1:{port}"]);
        Assert.Equal(69, code);
        AssertPlain(output, "--urls", "Порт уже занят", "The port is already in use");
    }
}
