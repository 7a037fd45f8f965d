using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.WebChat;

/// <summary>
/// The widget in real Chromium: a firm's page on another origin with the snippet, a visitor writing, the operator
/// answering through the REST API, the answer arriving live, the conversation surviving a reload.
/// </summary>
public sealed class WebChatBrowserTests(KestrelOknoApp app) : IClassFixture<KestrelOknoApp>
{
    public const string Chromium = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static string ArtifactsDir => Path.Combine(AppContext.BaseDirectory, "artifacts");

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        Skip.IfNot(File.Exists(Chromium), "Chromium is not installed at " + Chromium);
        Assertions.SetDefaultExpectTimeout(Infrastructure.BrowserOknoApp.ExpectTimeoutMs);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        return (playwright, browser);
    }

    [SkippableFact]
    public async Task Widget_VisitorWritesOperatorReplies_ReplyLiveAndHistoryKeptAfterReload()
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var site = await SampleSite.StartAsync();
        var channel = await app.CreateChannelAsync("webchat", new JsonObject
        {
            ["allowedOrigins"] = new JsonArray(site.Origin), ["title"] = "Адвокатское бюро «Право»", ["color"] = "#7b1fa2",
            ["greeting"] = "Здравствуйте! Опишите ситуацию — адвокат ответит в течение 15 минут.",
        });
        var channelId = channel["id"]!.GetValue<string>();
        site.Snippet = SampleSite.ScriptTag(app.ServerUrl, channelId);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "ru-RU" });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{site.Origin}/razdel-imushchestva?utm_source=yandex&utm_medium=cpc&utm_campaign=razdel");
        await page.Locator(".launcher").ClickAsync();
        var text = "Здравствуйте! Нужна помощь с разделом квартиры " + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("textarea.input").FillAsync(text);
        await page.Locator("button.send").ClickAsync();

        // The message is in Okno, with the ad campaign as the lead source.
        var conversation = await OknoApp.EventuallyAsync(() => FindConversationAsync(text), what: "the visitor's message in Okno");
        var source = JsonNode.Parse(conversation["sourceDetails"]!.GetValue<string>())!;
        Assert.Equal("yandex", source["utm_source"]!.GetValue<string>());
        Assert.Equal("razdel", source["utm_campaign"]!.GetValue<string>());
        Assert.StartsWith(site.Origin + "/razdel-imushchestva", source["pageUrl"]!.GetValue<string>(), StringComparison.Ordinal);

        // The operator answers; the answer appears in the open widget without a reload.
        var reply = "Добрый день! Квартира куплена в браке? " + Guid.NewGuid().ToString("N")[..6];
        await ReplyAsync(conversation["id"]!.GetValue<long>(), reply);
        await page.Locator(".msg.out", new() { HasText = reply }).WaitForAsync(new() { Timeout = 30_000 });
        Directory.CreateDirectory(ArtifactsDir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsDir, "webchat-widget.png") });

        // A second answer while the panel is closed lights the unread badge.
        await page.Locator("button.close").ClickAsync();
        var second = "Пришлите, пожалуйста, свидетельство о браке " + Guid.NewGuid().ToString("N")[..6];
        await ReplyAsync(conversation["id"]!.GetValue<long>(), second);
        await Assertions.Expect(page.Locator(".badge")).ToHaveTextAsync("1");

        // A reload keeps the conversation: the same visitor, the whole history.
        await page.ReloadAsync();
        await page.Locator(".launcher").ClickAsync();
        await page.Locator(".msg.in", new() { HasText = text }).WaitForAsync(new() { Timeout = 30_000 });
        await page.Locator(".msg.out", new() { HasText = reply }).WaitForAsync();
        await page.Locator(".msg.out", new() { HasText = second }).WaitForAsync();
        await Assertions.Expect(page.Locator(".badge")).ToBeHiddenAsync();
        var messages = await MessagesAsync(conversation["id"]!.GetValue<long>());
        Assert.Single(messages, m => m!["direction"]!.GetValue<string>() == "inbound");
    }

    [SkippableFact]
    public async Task Widget_PhoneScreen_PanelIsFullScreen()
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var site = await SampleSite.StartAsync();
        var channel = await app.CreateChannelAsync("webchat", new JsonObject
        {
            ["allowedOrigins"] = new JsonArray(site.Origin), ["preChatForm"] = true, ["policyUrl"] = site.Origin + "/policy",
        });
        site.Snippet = SampleSite.ScriptTag(app.ServerUrl, channel["id"]!.GetValue<string>());
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();

        await page.GotoAsync(site.Origin + "/");
        await page.Locator(".launcher").ClickAsync();
        var box = await page.Locator(".panel").BoundingBoxAsync();
        await page.Locator("form.prechat").WaitForAsync();
        Directory.CreateDirectory(ArtifactsDir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsDir, "webchat-widget-phone-prechat.png") });

        Assert.NotNull(box);
        Assert.Equal(375, box.Width, 1);
        Assert.Equal(740, box.Height, 1);
        Assert.Equal(site.Origin + "/policy", await page.Locator("label.consent a").GetAttributeAsync("href"));
        await page.Locator("input[name=name]").FillAsync("Мария");
        await page.Locator("input[name=phone]").FillAsync("8 916 765-43-21");
        await page.Locator("input[name=consent]").CheckAsync();
        await page.Locator("form.prechat button").ClickAsync();
        await page.Locator("textarea.input").FillAsync("Вопрос с телефона");
        await page.Locator("button.send").ClickAsync();
        var conversation = await OknoApp.EventuallyAsync(() => FindConversationAsync("Вопрос с телефона"), what: "the message after the pre-chat form");
        var contact = await app.GetJsonAsync($"/api/v1/contacts/{conversation["contactId"]}");
        Assert.Contains(contact["identities"]!.AsArray(), i => i!["kind"]!.GetValue<string>() == "phone_unverified" && i["value"]!.GetValue<string>() == "+79167654321");
    }

    private async Task<JsonObject?> FindConversationAsync(string textContains)
    {
        var page = await app.GetJsonAsync("/api/v1/conversations?limit=200");
        return page["items"]!.AsArray().FirstOrDefault(i => i!["lastMessagePreview"]?.GetValue<string>()?.Contains(textContains, StringComparison.Ordinal) == true)?.AsObject();
    }

    private async Task<JsonArray> MessagesAsync(long id) => (await app.GetJsonAsync($"/api/v1/conversations/{id}/messages"))["items"]!.AsArray();

    private async Task ReplyAsync(long conversationId, string text)
    {
        using var api = app.Api();
        var response = await api.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new JsonObject { ["text"] = text });
        response.EnsureSuccessStatusCode();
    }
}
