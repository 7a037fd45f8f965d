using Microsoft.Playwright;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>Inbox search in real Chromium: Russian names in any case, «ё» and «е» alike, on both providers (issue 18.3).</summary>
[Collection(BrowserCollection.Name)]
public abstract class InboxSearchBrowserTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : BrowserOknoApp
{
    private static long _nextUser = 550_000 + Random.Shared.Next(1000) * 100;

    private static async Task SearchAsync(IPage page, string text)
    {
        await page.FillAsync("[data-test=search]", text);
        await page.Locator("[data-test=search]").PressAsync("Enter");
    }

    [SkippableFact]
    public async Task Search_CyrillicNameAnyCaseAndYo_FindsTheClient()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(Interlocked.Increment(ref _nextUser), "Вопрос о разделе имущества " + tag, "Виктория", "Белова"));
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(Interlocked.Increment(ref _nextUser), "Вопрос об аренде " + tag, "Пётр", "Семёнов"));
        await OknoApp.EventuallyAsync(() => kit.FindConversationAsync("аренде " + tag), what: "both conversations");
        var page = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        await page.ClickAsync("[data-test=tab-All]");
        var victoria = page.Locator("[data-test=row]", new() { HasText = "Виктория Белова" });
        var petr = page.Locator("[data-test=row]", new() { HasText = "Пётр Семёнов" });

        foreach (var query in new[] { "Белова", "белова", "БЕЛОВА", "Виктория", "виктория бел" })
        {
            await SearchAsync(page, query);
            await Expect(victoria).ToBeVisibleAsync();
            await Expect(petr).ToHaveCountAsync(0);
        }
        foreach (var query in new[] { "семенов", "Семёнов", "ПЁТР", "петр" })
        {
            await SearchAsync(page, query);
            await Expect(petr).ToBeVisibleAsync();
            await Expect(victoria).ToHaveCountAsync(0);
        }
        await page.Context.CloseAsync();
    }
}

public sealed class SqliteInboxSearchBrowserTests(SqliteBrowserOknoApp app) : InboxSearchBrowserTests<SqliteBrowserOknoApp>(app);
public sealed class PostgresInboxSearchBrowserTests(PostgresBrowserOknoApp app) : InboxSearchBrowserTests<PostgresBrowserOknoApp>(app);
