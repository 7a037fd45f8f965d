using Okno.Core.Data;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using Okno.Tests.OutgoingWebhooks;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>The webhooks admin screen in real Chromium: add an endpoint, see its secret once, watch a delivery, send it again.</summary>
[Collection(BrowserCollection.Name)]
public abstract class WebhooksBrowserTests<TApp>(TApp app) : UiTestBase<TApp>(app) where TApp : BrowserOknoApp
{
    [SkippableFact]
    public async Task Admin_AddsEndpoint_SeesTheDeliveryAndSendsItAgain()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        await using var receiver = await WebhookReceiver.StartAsync();
        var page = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);

        await page.GotoAsync("/admin/webhooks");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Вебхуки");
        await page.FillAsync("[data-test=webhook-url]", receiver.Url);
        await page.ClickAsync("[data-test=webhook-add]");
        await Expect(page.Locator("[data-test=webhook-secret]")).ToContainTextAsync("whsec_");
        await Expect(page.Locator("[data-test=webhook-row]", new() { HasText = receiver.Url })).ToContainTextAsync("включён");

        var text = WebhooksKit.Unique("Вопрос про наследство");
        await ClientWritesAsync(kit, NextTelegramUser(), text, "Лев");
        await receiver.WaitForAsync(1, "message.created", text);
        var endpointId = (await App.GetJsonAsync("/api/v1/webhook-endpoints"))["items"]!.AsArray().Single(e => e!["url"]!.GetValue<string>() == receiver.Url)!["id"]!.GetValue<long>();
        await OknoApp.EventuallyAsync(async () => (await App.GetJsonAsync($"/api/v1/webhook-endpoints/{endpointId}/deliveries"))["items"]!.AsArray()
            .Any(d => d!["status"]!.GetValue<string>() == "delivered"), what: "the delivery logged");
        await page.ClickAsync($"text={receiver.Url}");
        var row = page.Locator("[data-test=delivery-row]").First;
        await Expect(row).ToContainTextAsync("доставлено");
        await page.ClickAsync("[data-test=delivery-replay] >> nth=0");
        await receiver.WaitForAsync(2, "message.created", text);
        await Expect(page.Locator("[data-test=delivery-row]")).ToHaveCountAsync(2);
    }
}

public sealed class SqliteWebhooksBrowserApp : BrowserOknoApp
{
    public SqliteWebhooksBrowserApp() => Settings["Okno:Webhooks:AllowPrivateNetworks"] = "true";
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresWebhooksBrowserApp : BrowserOknoApp
{
    public PostgresWebhooksBrowserApp() => Settings["Okno:Webhooks:AllowPrivateNetworks"] = "true";
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class SqliteWebhooksBrowserTests(SqliteWebhooksBrowserApp app) : WebhooksBrowserTests<SqliteWebhooksBrowserApp>(app);

public sealed class PostgresWebhooksBrowserTests(PostgresWebhooksBrowserApp app) : WebhooksBrowserTests<PostgresWebhooksBrowserApp>(app);
