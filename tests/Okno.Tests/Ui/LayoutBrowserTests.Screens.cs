using System.Globalization;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

public abstract partial class LayoutBrowserTests<TApp>
{
    /// <summary>The main screens at the three sizes the issue names, written to artifacts/screenshots/ (SQLite run).</summary>
    [SkippableFact]
    public async Task MainScreens_AtThreeSizes_Screenshots()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var op = await CreateUserAsync("operator", "Ольга Смирнова");
        var lawyer = await CreateUserAsync("lawyer", "Иван Петров");
        var tag = Guid.NewGuid().ToString("N")[..4];
        var clients = new[] { ("Анна", "Соколова", "Добрый день! Муж подал на развод, как поделить квартиру?"),
            ("Дмитрий", "Волков", "Нужна консультация по трудовому спору с работодателем"),
            ("Екатерина", "Морозова", "Здравствуйте, пришла претензия от поставщика, что делать?"),
            ("Сергей", "Лебедев", "Можно записаться на приём в пятницу?") };
        long main = 0;
        foreach (var (first, last, text) in clients)
        {
            var id = await ClientWritesAsync(kit, NextTelegramUser(), $"{text} {tag}", first, last);
            if (main == 0) main = id;
        }
        var user = NextTelegramUser();
        var mainText = $"Подскажите, какие документы собрать для суда? {tag}";
        main = await ClientWritesAsync(kit, user, mainText, "Мария", "Иванова");
        await kit.PostAsync(App.Sim.Telegram.PhotoUpdate(user, "Вот свидетельство о браке", TestImages.Png(640, 480), "Мария"));

        var page = await App.SignInAsync(op.Email, Password);
        await page.GotoAsync($"/c/{main}");
        await page.ClickAsync("[data-test=take]");
        await page.FillAsync("[data-test=reply-text]", "Здравствуйте, Мария! Понадобятся паспорт, свидетельство о браке и документы на имущество.");
        await page.ClickAsync("[data-test=send]");
        await Expect(page.Locator("[data-test=message][data-status=sent]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=reply-text]")).ToHaveValueAsync(""); // the sent reply's box is replaced by an empty one before typing on
        await page.ClickAsync("[data-test=note-mode]");
        await page.FillAsync("[data-test=reply-text]", "@Иван посмотрите, пожалуйста, раздел имущества");
        await page.ClickAsync("[data-test=send]");
        await page.Context.CloseAsync();

        foreach (var (w, h) in new[] { (1440, 900), (1280, 720), (390, 844) })
        {
            var p = await App.SignInAsync(op.Email, Password, w, h, "Europe/Moscow");
            var size = w.ToString(CultureInfo.InvariantCulture);
            await p.ClickAsync("[data-test=tab-All]");
            await Expect(Row(p, tag).First).ToBeVisibleAsync();
            await App.ShotAsync(p, $"main-{size}-1-list");
            await Row(p, "Мария Иванова").ClickAsync();
            await Expect(p.Locator("img.thumb")).ToHaveCountAsync(1);
            await Task.Delay(300);
            await App.ShotAsync(p, $"main-{size}-2-conversation");
            await p.ClickAsync("[data-test=handoff-open]");
            await p.SelectOptionAsync("[data-test=handoff-to]", lawyer.Id.ToString(CultureInfo.InvariantCulture));
            await p.FillAsync("[data-test=handoff-comment]", "Проверьте, пожалуйста, раздел имущества");
            await App.ShotAsync(p, $"main-{size}-3-handoff");
            await p.ClickAsync("[data-test=handoff-open]");
            if (w < 900) { await p.Locator("[data-test=card-open]").TapAsync(); await App.ShotAsync(p, $"main-{size}-4-card"); }
            await p.Context.CloseAsync();
        }
    }
}
