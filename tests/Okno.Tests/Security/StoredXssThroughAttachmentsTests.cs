using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using MimeKit;
using Okno.Channels.Email;
using Okno.Channels.Max;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Channels.WhatsAppCloud;
using Okno.Tests.Infrastructure;
using Okno.Tests.Ui;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Security;

/// <summary>
/// Issue 10.1: a client sends a file with an empty name and an active type (SVG with script, HTML); the operator who
/// opens it must not run the client's script in Okno's origin (it could read /api/v1/auth/me and send it away).
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class StoredXssThroughAttachmentsTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : BrowserOknoApp
{
    private const string Password = "Operator-pass-1";
    private static long _nextUser = 770_000 + Random.Shared.Next(1000) * 100;

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static byte[] Svg(string marker) => Encoding.UTF8.GetBytes(
        $"""<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>fetch('/api/v1/auth/me').then(r => r.text()).then(t => fetch('/steal-{marker}?d=' + encodeURIComponent(t))); new Image().src = '/steal-{marker}';</script></svg>""");

    private async Task<(string Email, long Id)> OperatorAsync()
    {
        var email = $"operator-{Guid.NewGuid():N}@test.local";
        using var client = App.Api();
        var response = await client.PostAsJsonAsync("/api/v1/users", new { email, name = "Ольга Операторова", role = "operator", password = Password });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return (email, body["id"]!.GetValue<long>());
    }

    /// <summary>Posts a Telegram document and waits until Okno has downloaded it; returns the conversation and the attachment.</summary>
    private async Task<(long ConversationId, JsonObject Attachment)> TelegramFileAsync(TelegramTestKit kit, string fileName, string mime, byte[] bytes, string tag)
    {
        var response = await kit.PostAsync(App.Sim.Telegram.DocumentUpdate(Interlocked.Increment(ref _nextUser), fileName, mime, bytes, "файл " + tag));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(tag), what: "the conversation " + tag);
        var id = conversation["id"]!.GetValue<long>();
        var attachment = await OknoApp.EventuallyAsync(async () =>
            (await kit.MessagesAsync(id)).SelectMany(m => m!["attachments"]!.AsArray()).FirstOrDefault(a => a!["url"] is not null)?.AsObject(),
            what: "the downloaded attachment");
        return (id, attachment);
    }

    [SkippableFact]
    public async Task OpenAttachment_ClientSvgWithScriptAndEmptyName_ScriptDoesNotRunAsOperator()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (conversationId, attachment) = await TelegramFileAsync(kit, "", "image/svg+xml", Svg(tag), tag);
        var (email, _) = await OperatorAsync();
        var page = await App.SignInAsync(email, Password);
        var stolen = new List<string>();
        await page.Context.RouteAsync($"**/steal-{tag}**", async route => { stolen.Add(route.Request.Url); await route.FulfillAsync(new() { Status = 204 }); });

        // The operator opens the conversation: the SVG is offered as a file, not drawn as a picture that opens in a tab.
        await page.ClickAsync("[data-test=tab-Queue]");
        await page.Locator("[data-test=row]", new() { HasText = tag }).ClickAsync();
        var message = page.Locator("[data-test=message]", new() { HasText = tag });
        await Expect(message).ToBeVisibleAsync();
        await Expect(message.Locator("img.thumb")).ToHaveCountAsync(0);
        await Expect(message.Locator("a.file")).ToContainTextAsync("document");

        // The operator opens the file's address itself (a click on an old thumbnail, a pasted link): it downloads, nothing runs.
        var tab = await page.Context.NewPageAsync();
        var download = tab.WaitForDownloadAsync(new() { Timeout = 10_000 });
        await tab.EvaluateAsync("url => { location.href = url; }", App.BaseUrl + attachment["url"]!.GetValue<string>());
        Assert.Equal("document", (await download).SuggestedFilename);
        // And framed by a page of Okno's own origin it is still inert (the sandbox CSP forbids its scripts).
        await page.EvaluateAsync("url => { const f = document.createElement('iframe'); f.src = url; document.body.appendChild(f); }", attachment["url"]!.GetValue<string>());
        await page.WaitForTimeoutAsync(1500);

        Assert.Empty(stolen);
        Assert.True(conversationId > 0);
        await page.Context.CloseAsync();
    }

    [SkippableTheory]
    [InlineData("", "image/svg+xml")]
    [InlineData("", "text/html")]
    [InlineData("report.html", "text/html")]
    [InlineData("photo.png", "image/png")] // declared PNG, really SVG
    public async Task GetAttachment_ActiveContent_DownloadOnlyWithSandbox(string fileName, string mime)
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, attachment) = await TelegramFileAsync(kit, fileName, mime, Svg(tag), tag);

        using var client = App.Api();
        var response = await client.GetAsync(attachment["url"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.False(string.IsNullOrWhiteSpace(response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox; default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.NotEqual("", attachment["fileName"]!.GetValue<string>());
        Assert.False(attachment["contentType"]!.GetValue<string>().StartsWith("image/", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task GetAttachment_RealPng_InlineAsImageStillSandboxed()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, attachment) = await TelegramFileAsync(kit, "", "application/octet-stream", Png, tag);

        using var client = App.Api();
        var response = await client.GetAsync(attachment["url"]!.GetValue<string>());

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("sandbox; default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("image/png", attachment["contentType"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task WhatsAppCloud_DocumentWithEmptyFilename_GetsFallbackName()
    {
        var cloud = await WhatsAppCloudTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await cloud.PostAsync(cloud.Sim.MediaMessage(cloud.PhoneNumberId, Inbox.NewPhone(), "document", Svg(tag), "image/svg+xml", "файл " + tag, fileName: ""));
        var conversation = await Inbox.ConversationAsync(App, tag);

        var messages = await Inbox.MessagesAsync(App, conversation["id"]!.GetValue<long>());

        var name = messages.SelectMany(m => m["attachments"]!.AsArray()).Single()!["fileName"]!.GetValue<string>();
        Assert.StartsWith("document", name, StringComparison.Ordinal);
    }

    [Fact]
    public void EmailPart_NamedLikeAFolder_GetsFallbackName()
    {
        var part = new MimePart("image", "svg+xml") { FileName = "x/", Content = new MimeContent(new MemoryStream(Svg("mail"))) };

        Assert.Equal("image1.svg", EmailParts.FileName(part, 0));
    }

    [Fact]
    public void MaxFile_WithEmptyFilename_GetsFallbackName()
    {
        using var body = System.Text.Json.JsonDocument.Parse("""
            {"mid":"m1","text":null,"attachments":[{"type":"file","filename":"","payload":{"url":"https://files.example/1","token":"t"}}]}
            """);

        var (_, _, attachments, _) = MaxContent.Read(body.RootElement, "5");

        Assert.Equal("file", Assert.Single(attachments).FileName);
    }
}

public sealed class SqliteStoredXssThroughAttachmentsTests(SqliteBrowserOknoApp app) : StoredXssThroughAttachmentsTests<SqliteBrowserOknoApp>(app);
public sealed class PostgresStoredXssThroughAttachmentsTests(PostgresBrowserOknoApp app) : StoredXssThroughAttachmentsTests<PostgresBrowserOknoApp>(app);
