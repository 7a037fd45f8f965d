using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Okno.Core.Scripts;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>Issue 18, points 1 and 2: scripts from the keyboard, and a chat that lands on the newest message.</summary>
[Collection(BrowserCollection.Name)]
public abstract class ReplyAndTimelineBrowserTests<TApp>(TApp app, Xunit.Abstractions.ITestOutputHelper output) : UiTestBase<TApp>(app) where TApp : BrowserOknoApp
{
    [SkippableFact]
    public async Task ScriptPickedWithKeyboard_SendsExactlyWhatIsInTheBox()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        await WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.Scripts.AddRange(new Script("Приветствие", "Здравствуйте, {client_name}! Чем помочь?", now),
                new Script("Прайс", "Первая консультация стоит 3000 ₽.", now), new Script("Прощание", "Всего доброго!", now));
            await db.SaveChangesAsync();
        });
        var op = await CreateUserAsync("operator", "Ксения Скриптова");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var user = NextTelegramUser();
        await ClientWritesAsync(kit, user, $"Добрый день {tag}", "Мария");
        var page = await App.SignInAsync(op.Email, Password);
        await OpenFromQueueAsync(page, tag);
        var box = page.Locator("[data-test=reply-text]");

        // "/прив" + Enter: the greeting replaces the search text, and exactly the greeting goes out.
        await box.ClickAsync();
        await page.Keyboard.TypeAsync("/прив");
        await Expect(page.Locator("[data-test=script]")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Enter");
        await Expect(box).ToHaveValueAsync("Здравствуйте, Мария! Чем помочь?");
        await Expect(page.Locator("[data-test=scripts]")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Control+Enter");
        await Expect(page.Locator("[data-test=message][data-status=sent]", new() { HasText = "Чем помочь?" })).ToBeVisibleAsync();
        var sent = App.Sim.Telegram.CallsTo("sendMessage").Select(c => c.Body["text"]?.ToString()).Where(t => t?.Contains("Чем помочь", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["Здравствуйте, Мария! Чем помочь?"], sent);
        Assert.DoesNotContain(App.Sim.Telegram.CallsTo("sendMessage"), c => c.Body["text"]?.ToString()?.Contains("/прив", StringComparison.Ordinal) == true);

        await Expect(page.Locator("[data-test=reply-text]")).ToHaveValueAsync(""); // the sent reply's box is replaced by an empty one before typing on
        // ↓/↑ move the highlight, Tab inserts the highlighted one.
        await box.ClickAsync();
        await page.Keyboard.TypeAsync("/пр");
        await Expect(page.Locator("[data-test=script]")).ToHaveCountAsync(3); // Прайс, Приветствие, Прощание
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("[data-test=script].active")).ToContainTextAsync("Прощание");
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(page.Locator("[data-test=script].active")).ToContainTextAsync("Приветствие");
        await page.Keyboard.PressAsync("Tab");
        await Expect(box).ToHaveValueAsync("Здравствуйте, Мария! Чем помочь?");
        await Expect(box).ToBeFocusedAsync();

        // Esc closes the list and leaves the text as typed.
        await box.FillAsync("");
        await page.Keyboard.TypeAsync("/пр");
        await Expect(page.Locator("[data-test=scripts]")).ToBeVisibleAsync();
        await App.ShotAsync(page, "14-script-list-keyboard");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("[data-test=scripts]")).ToHaveCountAsync(0);
        await Expect(box).ToHaveValueAsync("/пр");
        await page.Context.CloseAsync();
    }

    private static Task<double> GapBelowAsync(IPage page) =>
        page.EvaluateAsync<double>("() => { const t = document.getElementById('timeline'); return t.scrollHeight - t.scrollTop - t.clientHeight; }");

    /// <summary>Waits until the view rests at the bottom (images and renders settle); returns the gap if it never does.</summary>
    private static async Task<double> SettledGapAsync(IPage page)
    {
        var gap = 0.0;
        for (var i = 0; i < 40; i++)
        {
            gap = await GapBelowAsync(page);
            if (gap <= 2) return gap;
            await Task.Delay(50);
        }
        return gap;
    }

    [SkippableFact]
    public async Task SwitchingConversationsWithPhotos_LandsOnTheNewestMessageEveryTime()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var op = await CreateUserAsync("operator", "Пётр Листающий");
        var tags = new List<string>();
        foreach (var name in new[] { "Алла", "Борис" })
        {
            var tag = Guid.NewGuid().ToString("N")[..8];
            tags.Add(tag);
            var user = NextTelegramUser();
            for (var i = 0; i < 8; i++) await kit.PostAsync(App.Sim.Telegram.TextUpdate(user, $"Сообщение {i} о деле {tag}", name));
            for (var i = 0; i < 3; i++) await kit.PostAsync(App.Sim.Telegram.PhotoUpdate(user, $"Скан {i} {tag}", TestImages.Png(600 + i * 40, 800), name));
            await kit.PostAsync(App.Sim.Telegram.TextUpdate(user, $"Последнее {tag}", name));
        }
        var page = await App.SignInAsync(op.Email, Password, 1280, 720);
        await page.ClickAsync("[data-test=tab-Queue]");
        await Expect(Row(page, "Последнее " + tags[1])).ToBeVisibleAsync();

        var gaps = new List<double>();
        for (var round = 0; round < 6; round++)
        {
            var tag = tags[round % 2];
            await Row(page, tag).ClickAsync();
            await Expect(page.Locator("[data-test=chat-name]")).ToHaveTextAsync(round % 2 == 0 ? "Алла" : "Борис");
            await Expect(page.Locator("img.thumb")).ToHaveCountAsync(3); // the photos were fetched
            var gap = await SettledGapAsync(page);
            gaps.Add(gap);
            await Expect(page.Locator("[data-test=message]", new() { HasText = "Последнее " + tag })).ToBeInViewportAsync();
        }
        output.WriteLine("px below the view after each switch: " + string.Join(", ", gaps.Select(g => g.ToString("0", CultureInfo.InvariantCulture))));
        Assert.All(gaps, g => Assert.True(g <= 2, $"the view stopped {g} px above the newest message"));

        // After sending, the reply is at the bottom, in view.
        await page.ClickAsync("[data-test=take]");
        await page.FillAsync("[data-test=reply-text]", "Сканы получили, спасибо " + tags[1]);
        await page.ClickAsync("[data-test=send]");
        var reply = page.Locator("[data-test=message]", new() { HasText = "Сканы получили" });
        await Expect(reply).ToBeInViewportAsync();
        Assert.True(await SettledGapAsync(page) <= 2, "the view is not at the bottom after sending");

        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task ScrolledUp_NewMessage_ShowsPillThatLandsOnIt()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var op = await CreateUserAsync("operator", "Рита Читающая");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var user = NextTelegramUser();
        for (var i = 0; i < 25; i++) await kit.PostAsync(App.Sim.Telegram.TextUpdate(user, $"Строка {i} длинной истории {tag}", "Вера"));
        var page = await App.SignInAsync(op.Email, Password, 1280, 720);
        await OpenFromQueueAsync(page, tag);
        Assert.True(await SettledGapAsync(page) <= 2);

        await page.EvaluateAsync("() => { const t = document.getElementById('timeline'); t.scrollTop = 0; t.dispatchEvent(new Event('scroll')); }");
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(user, $"Новое после прокрутки {tag}", "Вера"));
        await Expect(page.Locator("[data-test=message]", new() { HasText = "Новое после прокрутки" })).ToHaveCountAsync(1);
        var pill = page.Locator("[data-test=new-pill]");
        await Expect(pill).ToBeVisibleAsync();
        await Expect(pill).ToContainTextAsync("Новые сообщения");
        Assert.True(await GapBelowAsync(page) > 200, "the text moved although the reader had scrolled up");
        await App.ShotAsync(page, "15-new-messages-pill");

        await pill.ClickAsync();
        await Expect(page.Locator("[data-test=message]", new() { HasText = "Новое после прокрутки" })).ToBeInViewportAsync();
        await Expect(pill).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }
}

public sealed class SqliteReplyAndTimelineBrowserTests(SqliteBrowserOknoApp app, Xunit.Abstractions.ITestOutputHelper output) : ReplyAndTimelineBrowserTests<SqliteBrowserOknoApp>(app, output);

public sealed class PostgresReplyAndTimelineBrowserTests(PostgresBrowserOknoApp app, Xunit.Abstractions.ITestOutputHelper output) : ReplyAndTimelineBrowserTests<PostgresBrowserOknoApp>(app, output);
