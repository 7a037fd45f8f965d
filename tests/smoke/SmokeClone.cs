using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Okno.Smoke;

/// <summary>A fresh clone of the repository's HEAD in a temp folder, shared by the smoke tests; timings of every step.</summary>
public sealed partial class SmokeClone : IDisposable
{
    public string Work { get; } = Directory.CreateTempSubdirectory("okno-smoke-").FullName;
    public string Repo => Path.Combine(Work, "repo");
    public static string Source { get; } = FindRoot();

    /// <summary>artifacts/smoke/timings.txt at the source repository (gitignored), printed by tests/smoke/run.sh.</summary>
    public static string TimingsFile { get; } = Path.Combine(Source, "artifacts", "smoke", "timings.txt");

    public SmokeClone()
    {
        _published = new Lazy<string>(Publish, LazyThreadSafetyMode.ExecutionAndPublication);
        var watch = Stopwatch.StartNew();
        Run("git", ["clone", "--quiet", "--no-hardlinks", Source, Repo], Work, TimeSpan.FromMinutes(2));
        Record("clone HEAD into a temp folder", watch.ElapsedMilliseconds);
    }

    private readonly Lazy<string> _published;

    /// <summary>
    /// <c>dotnet publish -c Release</c> of the clone, done once for the tests that run the published output; the
    /// first caller's time is recorded.
    /// </summary>
    public string Published => _published.Value;

    private string Publish()
    {
        var watch = Stopwatch.StartNew();
        var published = Path.Combine(Work, "publish");
        Run("dotnet", ["publish", "src/Okno.Web", "-c", "Release", "-o", published], Repo, TimeSpan.FromMinutes(20));
        Record("dotnet publish -c Release", watch.ElapsedMilliseconds);
        return published;
    }

    /// <summary>The first command of the README's "Run" section, verbatim.</summary>
    public string ReadmeRunCommand() => CommandOf("Run");

    /// <summary>The first command of the README's "Test" section, verbatim.</summary>
    public string ReadmeTestCommand() => CommandOf("Test");

    private string CommandOf(string section)
    {
        var readme = File.ReadAllText(Path.Combine(Repo, "README.md"));
        var match = Regex.Match(readme, $@"^## {section}\s*\n+```(?:bash|sh)?\n(?<cmd>[^\n]+)\n", RegexOptions.Multiline);
        if (!match.Success) throw new InvalidOperationException($"README.md has no '## {section}' section starting with a command block.");
        return match.Groups["cmd"].Value.Trim();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static void Record(string step, long ms)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(TimingsFile)!);
        File.AppendAllText(TimingsFile, $"{step}: {ms} ms{Environment.NewLine}");
    }

    /// <summary>Runs a command to its end; its output on failure.</summary>
    public static string Run(string file, IEnumerable<string> args, string cwd, TimeSpan timeout, IReadOnlyDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) info.Environment[k] = v;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', info.ArgumentList)} did not finish in {timeout}");
        }
        var output = stdout.Result + stderr.Result;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}:\n{output}");
        return output;
    }

    public void Dispose()
    {
        try { Directory.Delete(Work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Okno.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Okno.slnx not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class SmokeCollection : ICollectionFixture<SmokeClone>
{
    public const string Name = "Smoke";
}
