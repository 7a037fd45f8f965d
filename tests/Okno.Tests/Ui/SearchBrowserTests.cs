using System.Text.RegularExpressions;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>Issue 17.4 in the app: the list's search box finds words in messages, any word form, and opens the message in context.</summary>
[Collection(BrowserCollection.Name)]
public abstract class SearchBrowserTests<TApp>(TApp app) : UiTestBase<TApp>(app) where TApp : BrowserOknoApp
{
    [SkippableFact]
    public async Task SearchBox_FindsWordForms_OpensTheMessageInContext()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = new string(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
        var user = NextTelegramUser();
        var conversation = await ClientWritesAsync(kit, user, $"Прошу проверить договор аренды квартиры {tag}", "Лидия", "Поисковая");
        for (var i = 0; i < 25; i++) await kit.PostAsync(App.Sim.Telegram.TextUpdate(user, $"Уточнение номер {i}: ещё немного подробностей о ситуации", "Лидия", "Поисковая"));
        await OknoApp.EventuallyAsync(async () => (await App.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString("договора " + tag)}"))["items"]!.AsArray() is { Count: 1 } items ? items : null,
            what: "the message in the index");
        var op = await CreateUserAsync("operator", "Пётр Ищущий");
        var page = await App.SignInAsync(op.Email, Password);

        await page.FillAsync("[data-test=search]", $"договора {tag}");
        await page.PressAsync("[data-test=search]", "Enter");
        var hit = page.Locator("[data-test=hit]");
        await Expect(hit).ToHaveCountAsync(1);
        await Expect(hit.Locator("mark").First).ToHaveTextAsync("договор");
        await Expect(hit).ToContainTextAsync("Лидия Поисковая");
        await App.ShotAsync(page, "24-search-hits");

        // Keyboard: the hit is a link — focus it and press Enter.
        await hit.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/c/{conversation}\\?m=\\d+$"));
        var found = page.Locator("[data-test=message].found");
        await Expect(found).ToContainTextAsync("договор аренды");
        await Expect(found).ToBeInViewportAsync();
        await App.ShotAsync(page, "25-search-message-in-context");
        await page.Context.CloseAsync();
    }
}

public sealed class SqliteSearchBrowserTests(SqliteBrowserOknoApp app) : SearchBrowserTests<SqliteBrowserOknoApp>(app);

public sealed class PostgresSearchBrowserTests(PostgresBrowserOknoApp app) : SearchBrowserTests<PostgresBrowserOknoApp>(app);
