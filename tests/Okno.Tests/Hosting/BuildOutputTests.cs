using Microsoft.Playwright;
using Okno.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Okno.Tests.Hosting;

/// <summary>
/// The build output started as a process in Production from a folder of its own (as systemd or a script would):
/// the operator app renders — styles, Blazor's script and the live connection — and the first reply goes out.
/// </summary>
[Collection(Ui.BrowserCollection.Name)]
public sealed class BuildOutputTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task BuildOutput_ProductionFromAnotherFolder_OperatorAppRendersAndReplies()
    {
        var unavailable = OperatorFlow.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        var folder = Directory.CreateTempSubdirectory("okno-build-output-").FullName;
        try
        {
            await using var okno = OknoProcess.Start("dotnet", [RepoPaths.WebBuildOutput, "--urls", "http://127.0.0.1:0", "--Okno:Demo=true"], folder,
                new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
            await okno.WaitForWelcomeAsync(TimeSpan.FromSeconds(60));
            Assert.NotNull(okno.Password);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await OperatorFlow.LaunchAsync(playwright);
            var flow = new OperatorFlow();
            await flow.RunAsync(browser, okno.Url, okno.Email, okno.Password!);
            foreach (var (step, ms) in flow.Timings) output.WriteLine($"{step}: {ms} ms");

            Assert.Empty(flow.Problems);
            Assert.Contains(flow.WebSockets, u => u.Contains("/_blazor", StringComparison.Ordinal));
            Assert.DoesNotContain("Static Web Assets are not enabled", okno.Output, StringComparison.Ordinal);
            var exit = await okno.InterruptAsync(TimeSpan.FromSeconds(10));
            Assert.True(exit is not null, "Okno did not exit within 10 s of SIGINT:\n" + okno.Output);
            Assert.Equal(0, okno.ExitCode);
            Assert.True(Directory.Exists(Path.Combine(folder, "data")), "the data folder is relative to the working directory");
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
