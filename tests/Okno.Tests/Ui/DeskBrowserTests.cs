using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>Issue 12 in the operator app: presence from the rail and the tab, the queue and SLA in the list, the board.</summary>
[Collection(BrowserCollection.Name)]
public abstract class DeskBrowserTests<TApp>(TApp app) : UiTestBase<TApp>(app) where TApp : DeskBrowserApp
{
    private async Task<string?> PresenceOfAsync(long userId)
    {
        var list = await App.GetJsonAsync("/api/v1/presence");
        return list["items"]!.AsArray().FirstOrDefault(i => i!["userId"]!.GetValue<long>() == userId)?["status"]?.GetValue<string>();
    }

    private Task WaitPresenceAsync(long userId, string status) =>
        OknoApp.EventuallyAsync(async () => await PresenceOfAsync(userId) == status, TimeSpan.FromSeconds(20), $"user {userId} {status}");

    [SkippableFact]
    public async Task PresenceSwitch_TabOnline_AwayHolds_OfflineAfterTheLastTabCloses()
    {
        var vera = await CreateUserAsync("operator", "Вера Дежурная");
        var page = await App.SignInAsync(vera.Email, Password);
        var dot = page.Locator("[data-test=presence-switch]");
        await Expect(dot).ToHaveAttributeAsync("data-status", "online");
        await WaitPresenceAsync(vera.Id, "online");

        await dot.ClickAsync();
        await Expect(page.Locator("[data-test=presence-menu]")).ToBeVisibleAsync();
        await App.ShotAsync(page, "40-presence-switch");
        await page.ClickAsync("[data-test=presence-away]");
        await Expect(dot).ToHaveAttributeAsync("data-status", "away");
        await WaitPresenceAsync(vera.Id, "away");

        // A second tab (a reload, another window) does not undo a chosen status.
        var second = await page.Context.NewPageAsync();
        await second.GotoAsync("/");
        await Expect(second.Locator("[data-test=presence-switch]")).ToHaveAttributeAsync("data-status", "away");
        await second.CloseAsync();
        Assert.Equal("away", await PresenceOfAsync(vera.Id));

        await dot.ClickAsync();
        await page.ClickAsync("[data-test=presence-online]");
        await Expect(dot).ToHaveAttributeAsync("data-status", "online");
        await WaitPresenceAsync(vera.Id, "online");

        // «В сети» is automatic: closing the last tab makes it offline after the grace period.
        await page.Context.CloseAsync();
        await WaitPresenceAsync(vera.Id, "offline");
    }
}

public sealed class SqliteDeskBrowserTests(SqliteDeskBrowserApp app) : DeskBrowserTests<SqliteDeskBrowserApp>(app);

public sealed class PostgresDeskBrowserTests(PostgresDeskBrowserApp app) : DeskBrowserTests<PostgresDeskBrowserApp>(app);
