using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>Issue 18, points 4, 5, 8 and 10 in the browser: who did what, ownership, undo, hand-off seen from both sides.</summary>
[Collection(BrowserCollection.Name)]
public abstract class WorkflowBrowserTests<TApp>(TApp app) : UiTestBase<TApp>(app) where TApp : BrowserOknoApp
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    [SkippableFact]
    public async Task HandOffAndReturn_BecomeSystemLines_CommentKeptAfterReturn()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var olga = await CreateUserAsync("operator", "Ольга Смирнова");
        var ivan = await CreateUserAsync("lawyer", "Иван Петров");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await ClientWritesAsync(kit, NextTelegramUser(), $"Вопрос по аренде {tag}", "Елена", "Кузнецова");
        var page = await App.SignInAsync(olga.Email, Password, timezone: "Europe/Moscow");
        await OpenFromQueueAsync(page, tag);
        await page.ClickAsync("[data-test=take]");
        await Expect(page.Locator("[data-test=event]", new() { HasText = "Ольга Смирнова взяла обращение" })).ToBeVisibleAsync();

        await page.ClickAsync("[data-test=handoff-open]");
        await page.SelectOptionAsync("[data-test=handoff-to]", ivan.Id.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("[data-test=handoff-comment]", "Проверьте договор аренды");
        var back = DateTimeOffset.UtcNow.AddSeconds(4);
        await page.FillAsync("[data-test=handoff-return]", DateTimeInput.Value(TimeZoneInfo.ConvertTime(back, Moscow).DateTime));
        await page.ClickAsync("[data-test=handoff-send]");
        var due = TimeZoneInfo.ConvertTime(back, Moscow).ToString("HH:mm", CultureInfo.InvariantCulture);
        await Expect(page.Locator("[data-test=event]", new() { HasText = $"Ольга Смирнова передала Ивану Петрову до {due}: «Проверьте договор аренды»" })).ToBeVisibleAsync();

        // The automatic return is a line of its own; the hand-off line (with its comment) stays.
        await Expect(page.Locator("[data-test=event]", new() { HasText = "Вернулось автоматически: истёк срок" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=handoff-banner]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=event]", new() { HasText = "«Проверьте договор аренды»" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=toast]", new() { HasText = "Елена Кузнецова" })).ToBeVisibleAsync(); // toasts name the client
        await App.ShotAsync(page, "16-timeline-system-lines");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Take_ColleaguesConversation_AsksNotifiesAndShowsWhoIsViewing()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var olga = await CreateUserAsync("operator", "Ольга Смирнова");
        var ivan = await CreateUserAsync("operator", "Иван Петров");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await ClientWritesAsync(kit, NextTelegramUser(), $"Срочно {tag}", "Зоя");
        var olgaPage = await App.SignInAsync(olga.Email, Password);
        await OpenFromQueueAsync(olgaPage, tag);
        await olgaPage.ClickAsync("[data-test=take]");
        await Expect(olgaPage.Locator("[data-test=take]")).ToHaveCountAsync(0);

        var ivanPage = await App.SignInAsync(ivan.Email, Password);
        await ivanPage.ClickAsync("[data-test=tab-All]");
        await Row(ivanPage, tag).ClickAsync();
        await Expect(ivanPage.Locator("[data-test=presence]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Ольга Смирнова смотрит это обращение"));
        await Expect(olgaPage.Locator("[data-test=presence]")).ToContainTextAsync("Иван Петров смотрит это обращение"); // live, both ways

        await ivanPage.ClickAsync("[data-test=take]");
        await Expect(ivanPage.Locator("[data-test=take-confirm-text]")).ToHaveTextAsync("Обращение уже у Ольги Смирновой. Забрать?");
        await App.ShotAsync(ivanPage, "17-take-confirm");
        var api = await App.GetJsonAsync($"/api/v1/conversations/{await ivanPage.Locator("[data-test=conversation]").GetAttributeAsync("data-id")}");
        Assert.Equal(olga.Id, api["assigneeId"]!.GetValue<long>()); // asking took nothing

        await ivanPage.ClickAsync("[data-test=take-force]");
        await Expect(ivanPage.Locator("[data-test=take]")).ToHaveCountAsync(0);
        await Expect(ivanPage.Locator("[data-test=event]", new() { HasText = "Иван Петров забрал обращение у Ольги Смирновой" })).ToBeVisibleAsync();
        await Expect(olgaPage.Locator("[data-test=toast]", new() { HasText = "Иван Петров забрал у вас обращение: Зоя" })).ToBeVisibleAsync(new() { Timeout = 9000 });

        await ivanPage.Context.CloseAsync();
        await Expect(olgaPage.Locator("[data-test=presence]")).ToHaveCountAsync(0);
        await olgaPage.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Resolve_ShowsUndoToast_UndoReopens()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var op = await CreateUserAsync("operator", "Нина Закрывающая");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await ClientWritesAsync(kit, NextTelegramUser(), $"Спасибо, всё ясно {tag}", "Герман");
        var page = await App.SignInAsync(op.Email, Password);
        await OpenFromQueueAsync(page, tag);
        await page.ClickAsync("[data-test=take]");
        await page.ClickAsync("[data-test=resolve]");
        await Expect(page.Locator("[data-test=status]")).ToHaveTextAsync("Закрыто");
        var toast = page.Locator("[data-test=undo-toast]");
        await Expect(toast).ToContainTextAsync("Закрыто · Герман");
        await App.ShotAsync(page, "18-undo-resolve");
        await toast.Locator("[data-test=undo]").ClickAsync();
        await Expect(page.Locator("[data-test=status]")).ToHaveTextAsync("Открыто");
        await Expect(toast).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task KeyE_OnUnansweredQueueItem_AsksFirst()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var op = await CreateUserAsync("operator", "Егор Клавишный");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var id = await ClientWritesAsync(kit, NextTelegramUser(), $"Первое сообщение {tag}", "Лев");
        var page = await App.SignInAsync(op.Email, Password);
        await OpenFromQueueAsync(page, tag);
        await page.Locator("[data-test=timeline]").ClickAsync();
        await page.Keyboard.PressAsync("e");
        await Expect(page.Locator("[data-test=confirm-resolve]")).ToContainTextAsync("Клиенту ещё не ответили");
        await Expect(page.Locator("[data-test=confirm-resolve-cancel]")).ToBeFocusedAsync();
        Assert.Equal("open", (await App.GetJsonAsync($"/api/v1/conversations/{id}"))["status"]!.GetValue<string>());
        await page.Keyboard.PressAsync("Enter"); // the focused «Отмена»
        await Expect(page.Locator("[data-test=confirm-resolve]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=status]")).ToHaveTextAsync("Открыто");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task HandedByMe_ListsDueTimes_TomorrowPresetIsNineBusinessTime()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var op = await CreateUserAsync("operator", "Вадим Передающий");
        var lawyer = await CreateUserAsync("lawyer", "Алина Юрьева");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await ClientWritesAsync(kit, NextTelegramUser(), $"Нужна консультация {tag}", "Степан", "Орлов");
        // The browser is in Yekaterinburg (UTC+5), the firm in Moscow: «завтра 09:00» is nine in Moscow = 11:00 in the browser.
        var page = await App.SignInAsync(op.Email, Password, timezone: "Asia/Yekaterinburg");
        var lawyerPage = await App.SignInAsync(lawyer.Email, Password);
        await OpenFromQueueAsync(page, tag);
        await page.ClickAsync("[data-test=take]");
        await page.ClickAsync("[data-test=handoff-open]");
        await page.SelectOptionAsync("[data-test=handoff-to]", lawyer.Id.ToString(CultureInfo.InvariantCulture));
        var preset = page.Locator("[data-test=handoff-preset]", new() { HasText = "завтра 09:00" });
        await preset.ClickAsync();
        var tomorrowNine = new DateTimeOffset(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Moscow).Date.AddDays(1).AddHours(9), TimeSpan.FromHours(3));
        var inBrowser = tomorrowNine.ToOffset(TimeSpan.FromHours(5)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        // The preset fills the field through the circuit: wait for it rather than read it at once.
        await Expect(page.Locator("[data-test=handoff-return]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(inBrowser)));
        await page.ClickAsync("[data-test=handoff-send]");
        await Expect(lawyerPage.Locator("[data-test=toast]", new() { HasText = "передал вам обращение: Степан Орлов" })).ToBeVisibleAsync(new() { Timeout = 9000 });

        await page.ClickAsync("[data-test=tab-HandedByMe]");
        var row = Row(page, tag);
        await Expect(row.Locator("[data-test=row-handoff]")).ToHaveTextAsync("у Алина Юрьева · до завтра 09:00");
        await Expect(page.Locator("[data-test=order-explain]")).ToContainTextAsync("что вернётся раньше");
        var id = long.Parse((await row.GetAttributeAsync("data-id"))!, CultureInfo.InvariantCulture);
        var returnBy = (await App.GetJsonAsync($"/api/v1/conversations/{id}"))["returnBy"]!.GetValue<DateTimeOffset>();
        Assert.Equal(tomorrowNine, returnBy);
        await App.ShotAsync(page, "19-handed-by-me");

        // Snooze «завтра» is the same nine o'clock, and the list and the header say when it wakes.
        await page.ClickAsync("[data-test=tab-Mine]");
        await page.GotoAsync($"/c/{id}");
        await page.ClickAsync("[data-test=return-now]");
        await page.ClickAsync("[data-test=more]");
        await page.SelectOptionAsync("[data-test=snooze]", "tomorrow");
        await Expect(page.Locator("[data-test=status]")).ToHaveTextAsync("Отложено до завтра 09:00");
        Assert.Equal(tomorrowNine, (await App.GetJsonAsync($"/api/v1/conversations/{id}"))["snoozedUntil"]!.GetValue<DateTimeOffset>());
        await page.SelectOptionAsync("[data-test=status-filter]", "Snoozed");
        await Expect(Row(page, tag).Locator("[data-test=row-status]")).ToHaveTextAsync("Отложено до завтра 09:00");
        await page.Context.CloseAsync();
        await lawyerPage.Context.CloseAsync();
    }
}

public sealed class SqliteWorkflowBrowserTests(SqliteBrowserOknoApp app) : WorkflowBrowserTests<SqliteBrowserOknoApp>(app);

public sealed class PostgresWorkflowBrowserTests(PostgresBrowserOknoApp app) : WorkflowBrowserTests<PostgresBrowserOknoApp>(app);
