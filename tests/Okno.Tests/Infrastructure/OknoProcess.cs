using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Okno.Tests.Infrastructure;

/// <summary>
/// Okno started the way a person starts it: a real process (the build output, the published output, or
/// <c>./run.sh</c>), its own process group so Ctrl+C (SIGINT) reaches the whole group as a terminal sends it,
/// the URL and the first password read from its console output.
/// </summary>
public sealed partial class OknoProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<(string Url, string Email, string? Password)> _welcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OknoProcess(Process process) => _process = process;

    public int Id => _process.Id;
    public string Url { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? Password { get; private set; }
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process printed so far (stdout and stderr, interleaved as read).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts <paramref name="command"/> with <paramref name="args"/> in its own session (setsid).</summary>
    public static OknoProcess Start(string command, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        // setsid: a session and process group of its own, as a terminal gives a command. perl (Essential on Debian)
        // puts SIGINT back to its default before exec: a parent started in the background without job control
        // ignores SIGINT, and ignored signals are inherited, so Ctrl+C would otherwise never arrive.
        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("perl");
        info.ArgumentList.Add("-e");
        info.ArgumentList.Add("$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"cannot start $ARGV[0]: $!\\n\";");
        info.ArgumentList.Add(command);
        foreach (var a in args) info.ArgumentList.Add(a);
        // The test host's own settings must not leak into the started app.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("Okno__", StringComparison.Ordinal) || k.StartsWith("OKNO_", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) info.Environment.Remove(key); else info.Environment[key] = value;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var okno = new OknoProcess(process);
        process.OutputDataReceived += (_, e) => okno.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => okno.OnLine(e.Data);
        process.Exited += (_, _) => okno._welcome.TrySetException(new InvalidOperationException($"Okno exited with code {SafeExitCode(process)} before printing its URL:\n{okno.Output}"));
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return okno;
    }

    /// <summary>Waits for the welcome lines (URL, e-mail, password) the process prints once it listens.</summary>
    public async Task WaitForWelcomeAsync(TimeSpan timeout)
    {
        var done = await Task.WhenAny(_welcome.Task, Task.Delay(timeout));
        if (done != _welcome.Task) throw new TimeoutException($"Okno printed no URL within {timeout.TotalSeconds:0} s:\n{Output}");
        (Url, Email, Password) = await _welcome.Task;
    }

    /// <summary>Waits for the process to end by itself; returns false on time-out.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); return true; }
        catch (OperationCanceledException) { return false; }
    }

    /// <summary>Ctrl+C: SIGINT to the whole process group, then waits; returns how long the exit took, or null on time-out.</summary>
    public async Task<TimeSpan?> InterruptAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        if (!_process.HasExited) _ = Kill(-_process.Id, 2);
        return await WaitForExitAsync(timeout) ? watch.Elapsed : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(-_process.Id, 9);
            await WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        var url = UrlLine().Match(line);
        if (url.Success) { lock (_output) _pendingUrl = url.Groups[1].Value; return; }
        var login = LoginLine().Match(line);
        if (login.Success && _pendingUrl is not null)
        {
            var password = login.Groups[2].Value.StartsWith('(') ? null : login.Groups[2].Value;
            _welcome.TrySetResult((_pendingUrl.TrimEnd('/'), login.Groups[1].Value, password));
        }
    }

    private string? _pendingUrl;

    private static int SafeExitCode(Process p) { try { return p.ExitCode; } catch (InvalidOperationException) { return -1; } }

    [GeneratedRegex(@"Okno is running:\s+(\S+)")]
    private static partial Regex UrlLine();

    [GeneratedRegex(@"Sign in:\s+(\S+)\s+/\s+(\S+)")]
    private static partial Regex LoginLine();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
