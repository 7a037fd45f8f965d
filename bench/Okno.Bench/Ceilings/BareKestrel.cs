using System.Diagnostics;

namespace Okno.Bench.Ceilings;

/// <summary>
/// The machine's HTTP ceiling: a child process with bare Kestrel that reads each webhook body and drops it,
/// answering 200 — same client, same bodies, same rate mode as against Okno.
/// </summary>
public sealed class BareKestrel : IDisposable
{
    private Process? _process;

    public TimeSpan CpuTime() => Server.OknoServer.CpuOf(_process);

    public string Url { get; } = $"http://127.0.0.1:{Server.OknoServer.FreePort()}";

    public async Task StartAsync()
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(typeof(BareKestrel).Assembly.Location);
        psi.ArgumentList.Add("bare-kestrel");
        psi.ArgumentList.Add(Url);
        _process = Process.Start(psi);
        _process!.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var r = await http.GetAsync(Url + "/healthz");
                if (r.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("bare Kestrel did not start");
    }

    /// <summary>The child side: `Okno.Bench bare-kestrel http://127.0.0.1:port`.</summary>
    public static async Task RunChildAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 32 * 1024 * 1024);
        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        app.MapPost("/webhooks/{id}", async (HttpContext ctx) =>
        {
            var buffer = new byte[16 * 1024];
            while (await ctx.Request.Body.ReadAsync(buffer) > 0) { }
            return Results.Text("");
        });
        await app.RunAsync();
    }

    public void Dispose()
    {
        if (_process is null) return;
        try { _process.Kill(); } catch (InvalidOperationException) { }
        _process.WaitForExit(5000);
        _process.Dispose();
    }
}
