using System.Diagnostics;
using Microsoft.Playwright;
using Okno.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Okno.Smoke;

/// <summary>A new user's first minutes: a clean clone, the README's run command verbatim, the printed URL and password, Ctrl+C.</summary>
[Collection(SmokeCollection.Name)]
public sealed class RunShSmokeTests(SmokeClone clone, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task ReadmeRunCommand_CleanClone_OperatorAppWorksAndCtrlCStopsIt()
    {
        var unavailable = OperatorFlow.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        var command = clone.ReadmeRunCommand();
        Assert.Equal("./run.sh", command); // what a person copies from the README; the tests below rely on OKNO_URLS, which the README documents
        var port = SmokeClone.FreePort();

        var watch = Stopwatch.StartNew();
        await using var okno = OknoProcess.Start("bash", ["-c", command], clone.Repo,
            new Dictionary<string, string?> { ["OKNO_URLS"] = $"http://127.0.0.1:{port}" });
        await okno.WaitForWelcomeAsync(TimeSpan.FromMinutes(25));
        SmokeClone.Record($"{command}: restore, build and start until the URL is printed", watch.ElapsedMilliseconds);
        Assert.Equal($"http://127.0.0.1:{port}", okno.Url);
        Assert.NotNull(okno.Password);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await OperatorFlow.LaunchAsync(playwright);
        var flow = new OperatorFlow();
        await flow.RunAsync(browser, okno.Url, okno.Email, okno.Password!, Path.Combine(Path.GetDirectoryName(SmokeClone.TimingsFile)!, "run-sh-inbox.png"));
        foreach (var (step, ms) in flow.Timings) SmokeClone.Record($"{command} in Chromium: {step}", ms);
        Assert.True(flow.Problems.Count == 0, string.Join("\n", flow.Problems));
        Assert.Contains(flow.WebSockets, u => u.StartsWith($"ws://127.0.0.1:{port}/_blazor", StringComparison.Ordinal));
        Assert.DoesNotContain("Static Web Assets are not enabled", okno.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", okno.Output, StringComparison.Ordinal);

        var exit = await okno.InterruptAsync(TimeSpan.FromSeconds(10));
        Assert.True(exit is not null, "Ctrl+C did not stop Okno within 10 s:\n" + Tail(okno.Output));
        SmokeClone.Record($"{command}: Ctrl+C (SIGINT) until the process exited", (long)exit!.Value.TotalMilliseconds);
        output.WriteLine($"exit code after SIGINT: {okno.ExitCode}");
        Assert.Equal(0, okno.ExitCode);
        Assert.True(File.Exists(Path.Combine(clone.Repo, "src", "Okno.Web", "data", "okno.db")), "./run.sh keeps its data under src/Okno.Web/data (dotnet run works in the project folder)");
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}
