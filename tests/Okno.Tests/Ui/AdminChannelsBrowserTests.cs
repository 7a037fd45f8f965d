using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>The admin's channel form generated from each kind's schema; confirmations; the last administrator; the widget code.</summary>
[Collection(BrowserCollection.Name)]
public abstract class AdminChannelsBrowserTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : BrowserOknoApp
{
    private async Task<IPage> AdminAsync()
    {
        var page = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        await page.GotoAsync("/admin/channels");
        await page.Locator("[data-test=channel-form]").WaitForAsync();
        return page;
    }

    private static async Task FillAsync(IPage page, string setting, string value)
    {
        var field = page.Locator($"[data-test=setting-{setting}]");
        await field.FillAsync(value);
        await field.DispatchEventAsync("change");
    }

    private static async Task<JsonArray> ChannelsAsync(OknoApp app)
    {
        using var client = app.Api();
        return (await client.GetFromJsonAsync<JsonArray>("/api/v1/channels"))!;
    }

    [SkippableFact]
    public async Task ChannelForm_VkFromSchemaWithNumericGroupId_ChannelCreated()
    {
        var page = await AdminAsync();
        var name = "ВК " + Guid.NewGuid().ToString("N")[..6];

        await page.SelectOptionAsync("[data-test=channel-kind]", "vk");
        await Expect(page.Locator("[data-test=channel-form]")).ToHaveAttributeAsync("data-kind", "vk");
        await page.FillAsync("[data-test=channel-name]", name);
        await FillAsync(page, "groupId", "214167102");
        await FillAsync(page, "accessToken", "vk1.a.browser-token");
        await FillAsync(page, "confirmationCode", "c0nfirm");
        await FillAsync(page, "secret", "oknoBrowserSecret1");
        await FillAsync(page, "apiBaseUrl", App.Sim.UrlOf("vk"));
        await page.ClickAsync("[data-test=channel-save]");

        await Expect(page.Locator("[data-test=channel-row]", new() { HasText = name })).ToBeVisibleAsync();
        var channel = (await ChannelsAsync(App)).Single(c => c!["name"]!.GetValue<string>() == name)!;
        Assert.Equal(214167102, channel["settings"]!["groupId"]!.GetValue<long>());
        await App.ShotAsync(page, "20-admin-channel-form-vk");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task ChannelForm_MaxMissingToken_ErrorNamesTheFieldNextToIt()
    {
        var page = await AdminAsync();

        await page.SelectOptionAsync("[data-test=channel-kind]", "max");
        await page.FillAsync("[data-test=channel-name]", "MAX бот");
        await FillAsync(page, "webhookSecret", "okno-max-secret");
        await page.ClickAsync("[data-test=channel-save]");

        await Expect(page.Locator("[data-test=setting-error-accessToken]")).ToContainTextAsync("Обязательная настройка: accessToken");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task ChannelDelete_AsksFirst_CancelKeepsConfirmRemoves()
    {
        var created = await App.CreateChannelAsync("telegram", new JsonObject
        {
            ["botToken"] = "1:delete-me", ["secretToken"] = "s", ["apiBaseUrl"] = App.Sim.UrlOf("telegram"),
        }, "Удаляемый " + Guid.NewGuid().ToString("N")[..6]);
        var page = await AdminAsync();
        var row = page.Locator($"[data-test=channel-row][data-id='{created["id"]}']");

        await row.Locator("[data-test=channel-delete]").ClickAsync();
        await Expect(row.Locator("[data-test=confirm-box]")).ToContainTextAsync("Удалить канал");
        await row.Locator("[data-test=confirm-no]").ClickAsync();
        Assert.Contains(await ChannelsAsync(App), c => c!["id"]!.GetValue<string>() == created["id"]!.GetValue<string>());

        await row.Locator("[data-test=channel-delete]").ClickAsync();
        await row.Locator("[data-test=confirm-yes]").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.DoesNotContain(await ChannelsAsync(App), c => c!["id"]!.GetValue<string>() == created["id"]!.GetValue<string>());
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task WebChatChannel_ShowsEmbedSnippetAndPreviewLoadsTheWidget()
    {
        var created = await App.CreateChannelAsync("webchat", new JsonObject { ["allowedOrigins"] = "https://firma.example" }, "Сайт");
        var page = await AdminAsync();

        var snippet = page.Locator("[data-test=widget-snippet-code]").First;
        await Expect(snippet).ToContainTextAsync($"data-channel=\"{created["id"]}\"");
        await Expect(snippet).ToContainTextAsync("/widget.js");
        await Expect(page.Locator("[data-test=widget-snippet-copy]").First).ToHaveTextAsync("Копировать");
        var href = await page.Locator("[data-test=widget-preview]").First.GetAttributeAsync("href");
        var preview = await page.Context.NewPageAsync();
        var response = await preview.GotoAsync(App.BaseUrl + href);

        Assert.Equal(200, response!.Status);
        await Expect(preview.Locator($"script[data-channel='{created["id"]}']")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Users_DemoteTheLastAdministrator_AsksThenRefusesWithReason()
    {
        var page = await AdminAsync();
        await page.GotoAsync("/admin/users");
        var row = page.Locator($"[data-test=user-row][data-email='{OknoApp.AdminEmail}']");

        await row.Locator("[data-test=user-role-change]").SelectOptionAsync("operator");
        await Expect(row.Locator("[data-test=confirm-box]")).ToContainTextAsync("Сменить роль");
        await row.Locator("[data-test=confirm-yes]").ClickAsync();

        await Expect(page.Locator("[data-test=user-error]")).ToContainTextAsync("последнего администратора");
        await Expect(row.Locator("[data-test=user-role-change]")).ToHaveValueAsync("admin");
        await page.Context.CloseAsync();
    }
}

public sealed class SqliteAdminChannelsBrowserTests(SqliteBrowserOknoApp app) : AdminChannelsBrowserTests<SqliteBrowserOknoApp>(app);

public sealed class PostgresAdminChannelsBrowserTests(PostgresBrowserOknoApp app) : AdminChannelsBrowserTests<PostgresBrowserOknoApp>(app);
