using System.Diagnostics;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Infrastructure;

/// <summary>
/// What a new user does first, in real Chromium: sign in, see the styled Russian inbox, open the demo conversation
/// that arrives, reply, see the reply sent. Records every console error and every failed or 4xx/5xx request.
/// </summary>
public sealed class OperatorFlow
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Console errors, page errors and failed requests seen during the flow.</summary>
    public List<string> Problems { get; } = [];
    /// <summary>Step name → milliseconds.</summary>
    public List<(string Step, long Ms)> Timings { get; } = [];
    /// <summary>Requests that went over a WebSocket (e.g. /_blazor).</summary>
    public List<string> WebSockets { get; } = [];

    /// <summary>Why the browser cannot run here, or null. With CI=true a missing Chromium is an error, not a skip.</summary>
    public static string? Unavailable()
    {
        var path = Environment.GetEnvironmentVariable("OKNO_CHROMIUM") ?? ChromiumPath;
        if (File.Exists(path)) return null;
        if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException($"CI=true but there is no Chromium at {path}.");
        return $"no Chromium at {path} (set OKNO_CHROMIUM)";
    }

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        SetDefaultExpectTimeout(20_000); // Playwright's 5 s is too short for a Blazor round trip on a loaded CI machine
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("OKNO_CHROMIUM") ?? ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Runs the flow against <paramref name="baseUrl"/>; throws on the first step that does not happen.</summary>
    public async Task RunAsync(IBrowser browser, string baseUrl, string email, string password, string? screenshot = null)
    {
        await using var context = await NewContextAsync(browser, baseUrl);
        await RunAsync(context, email, password, screenshot);
    }

    /// <summary>A context as a person's browser: Russian locale, laptop screen; self-signed TLS accepted when asked.</summary>
    public static Task<IBrowserContext> NewContextAsync(IBrowser browser, string baseUrl, bool acceptSelfSignedTls = false) =>
        browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "ru-RU", IgnoreHTTPSErrors = acceptSelfSignedTls,
        });

    /// <summary>Runs the flow in <paramref name="context"/> and returns the page, left on the inbox with the conversation open.</summary>
    public async Task<IPage> RunAsync(IBrowserContext context, string email, string password, string? screenshot = null)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") Problems.Add($"console error: {m.Text}"); };
        page.PageError += (_, e) => Problems.Add($"page error: {e}");
        page.RequestFailed += (_, r) => Problems.Add($"request failed: {r.Method} {r.Url} {r.Failure}");
        page.Response += (_, r) => { if (r.Status >= 400) Problems.Add($"HTTP {r.Status}: {r.Request.Method} {r.Url}"); };
        page.WebSocket += (_, ws) => WebSockets.Add(ws.Url);
        var watch = Stopwatch.StartNew();

        await page.GotoAsync("/login");
        var cardRadius = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.login-card')).borderTopLeftRadius");
        if (cardRadius != "12px") throw new InvalidOperationException($"The sign-in page is unstyled (.login-card border radius '{cardRadius}', app.css sets 12px).");
        Step("sign-in page, styled", watch);

        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("[data-test=login-submit]");
        await page.WaitForURLAsync(u => !u.Contains("login", StringComparison.Ordinal), new() { Timeout = 20_000 });
        await page.Locator("[data-test=rows]").WaitForAsync(new() { Timeout = 20_000 });
        Step("signed in, inbox rendered", watch);

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.Locator("[data-test=tab-Queue]")).ToContainTextAsync("Очередь");
        var rail = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.rail')).backgroundColor");
        if (rail != "rgb(23, 23, 28)") throw new InvalidOperationException($"The inbox is unstyled (.rail background '{rail}', app.css sets #17171c).");

        await page.ClickAsync("[data-test=tab-Queue]");
        var row = page.Locator("[data-test=row]").First;
        await row.WaitForAsync(new() { Timeout = 60_000 });
        Step("a demo conversation arrived live", watch);

        await row.ClickAsync();
        await page.Locator("[data-test=take]").ClickAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-test=take]")).ToHaveCountAsync(0);
        var text = "Добрый день! Проверка связи " + Guid.NewGuid().ToString("N")[..6];
        await page.Keyboard.PressAsync("r");
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Control+Enter");
        var reply = page.Locator("[data-test=message]", new() { HasText = text });
        await Expect(reply).ToHaveAttributeAsync("data-status", "sent", new() { Timeout = 30_000 });
        Step("reply sent", watch);
        if (screenshot is not null) await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        return page;
    }

    private void Step(string name, Stopwatch watch)
    {
        Timings.Add((name, watch.ElapsedMilliseconds));
        watch.Restart();
    }
}
