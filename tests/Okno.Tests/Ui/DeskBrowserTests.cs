using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>Issue 12 in the operator app: presence from the rail and the tab, the queue and SLA in the list, the board.</summary>
[Collection(BrowserCollection.Name)]
public abstract partial class DeskBrowserTests<TApp>(TApp app) : UiTestBase<TApp>(app) where TApp : DeskBrowserApp
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

    protected async Task<long> PostAsync(string url, JsonObject body)
    {
        using var api = App.Api();
        var response = await api.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 201, $"{url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<long>();
    }

    protected Task<long> TeamAsync(string name, string channelId, params long[] members) => PostAsync("/api/v1/teams", new JsonObject
    {
        ["name"] = name, ["strategy"] = "manual", ["channelIds"] = new JsonArray(channelId),
        ["memberIds"] = new JsonArray(members.Select(m => (JsonNode)m).ToArray()),
    });

    private static ILocator Position(IPage page, string text) => Row(page, text).Locator("[data-test=queue-position]");

    [SkippableFact]
    public async Task Queue_ShowsPositionsThatMove_TeamFilterNarrows()
    {
        var family = await TelegramTestKit.CreateAsync(App);
        var tax = await TelegramTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var familyTeam = await TeamAsync("Семейный " + tag, family.ChannelId);
        await TeamAsync("Налоговый " + tag, tax.ChannelId);
        var op = await CreateUserAsync("operator", "Оля Очередная");
        await ClientWritesAsync(family, NextTelegramUser(), $"Первый {tag}", "Анна");
        await ClientWritesAsync(family, NextTelegramUser(), $"Второй {tag}", "Борис");
        await ClientWritesAsync(tax, NextTelegramUser(), $"Налог {tag}", "Вика");

        var page = await App.SignInAsync(op.Email, Password);
        await page.ClickAsync("[data-test=tab-Queue]");
        await Expect(Position(page, $"Первый {tag}")).ToHaveAttributeAsync("data-position", "1");
        await Expect(Position(page, $"Второй {tag}")).ToHaveAttributeAsync("data-position", "2");
        await Expect(Position(page, $"Налог {tag}")).ToHaveAttributeAsync("data-position", "1");

        // A newcomer joins at the end, live; taking the first moves everyone up.
        await ClientWritesAsync(family, NextTelegramUser(), $"Третий {tag}", "Глеб");
        await Expect(Position(page, $"Третий {tag}")).ToHaveAttributeAsync("data-position", "3");
        await Expect(Position(page, $"Третий {tag}")).ToContainTextAsync("№3 в очереди");
        await App.ShotAsync(page, "41-queue-positions");
        await Row(page, $"Первый {tag}").ClickAsync();
        await page.ClickAsync("[data-test=take]");
        await Expect(page.Locator("[data-test=take]")).ToHaveCountAsync(0);
        await Expect(Position(page, $"Второй {tag}")).ToHaveAttributeAsync("data-position", "1");
        await Expect(Position(page, $"Третий {tag}")).ToHaveAttributeAsync("data-position", "2");

        await page.SelectOptionAsync("[data-test=team-filter]", familyTeam.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(Row(page, $"Налог {tag}")).ToHaveCountAsync(0);
        await Expect(Row(page, $"Второй {tag}")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Sla_FirstResponseBreach_ShowsInTheListAndTheHeaderInTheBreachedColour()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var team = await TeamAsync("Срочный " + tag, kit.ChannelId);
        await PostAsync("/api/v1/sla-policies", new JsonObject { ["name"] = "Быстрый ответ " + tag, ["firstResponse"] = "PT3S", ["teamId"] = team });
        var op = await CreateUserAsync("operator", "Семён Срочный");
        var page = await App.SignInAsync(op.Email, Password);
        await page.ClickAsync("[data-test=tab-Queue]");
        await ClientWritesAsync(kit, NextTelegramUser(), $"Срочно нужен юрист {tag}", "Дарья");

        var mark = Row(page, tag).Locator("[data-test=sla]");
        await Expect(mark).ToHaveAttributeAsync("data-state", "breached");
        await Expect(mark).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("sla-breached"));
        await Expect(mark).ToContainTextAsync("SLA просрочен на");
        await Row(page, tag).ClickAsync();
        var head = page.Locator("[data-test=conversation] .chat-head [data-test=sla]");
        await Expect(head).ToHaveAttributeAsync("data-state", "breached");
        await Expect(page.Locator("[data-test=event]", new() { HasText = "Нарушен срок SLA: первый ответ" })).ToBeVisibleAsync();
        await App.ShotAsync(page, "42-sla-breached");
        await page.Context.CloseAsync();
    }
}

public sealed class SqliteDeskBrowserTests(SqliteDeskBrowserApp app) : DeskBrowserTests<SqliteDeskBrowserApp>(app);

public sealed class PostgresDeskBrowserTests(PostgresDeskBrowserApp app) : DeskBrowserTests<PostgresDeskBrowserApp>(app);
