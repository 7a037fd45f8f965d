using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>The operator web app in real Chromium against Okno on a real port, with the Telegram stand-in.</summary>
/// <remarks>Browser tests share one collection: two Chromiums at once on a small machine distort the timings.</remarks>
[Collection(BrowserCollection.Name)]
public abstract class InboxBrowserTests<TApp>(TApp app, Xunit.Abstractions.ITestOutputHelper output) : OknoTest<TApp>(app) where TApp : BrowserOknoApp
{
    private const string Password = "Operator-pass-1";
    /// <summary>
    /// "Live" here: pushed without a reload, well inside the time a poll would take. The measured latency is logged
    /// (typically 100–250 ms); the bound leaves room for CI's loaded machine, where 1 s was too tight to be fair.
    /// </summary>
    private const float LiveMs = 3000;
    private static long _nextTelegramUser = 880_000 + Random.Shared.Next(1000) * 100;

    private async Task<(long Id, string Email, string Name)> CreateUserAsync(string role, string name)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.local";
        using var client = App.Api();
        var response = await client.PostAsJsonAsync("/api/v1/users", new { email, name, role, password = Password });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return (body["id"]!.GetValue<long>(), email, name);
    }

    private static long NextTelegramUser() => Interlocked.Increment(ref _nextTelegramUser);

    private static ILocator Row(IPage page, string text) => page.Locator("[data-test=row]", new() { HasText = text });

    [SkippableFact]
    public async Task Operator_TelegramMessage_AppearsLiveAndReplyIsSent()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var op = await CreateUserAsync("operator", "Ольга Операторова");
        var page = await App.SignInAsync(op.Email, Password);
        await App.ShotAsync(page, "01-inbox-after-sign-in");
        await page.ClickAsync("[data-test=tab-Queue]");

        var tag = Guid.NewGuid().ToString("N")[..8];
        var user = NextTelegramUser();
        var watch = Stopwatch.StartNew();
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(user, $"Здравствуйте, вопрос по наследству {tag}", "Мария", "Иванова"));
        var accepted = watch.ElapsedMilliseconds;
        await Expect(Row(page, tag)).ToBeVisibleAsync(new() { Timeout = LiveMs });
        output.WriteLine($"webhook accepted after {accepted} ms; new request visible in the list after {watch.ElapsedMilliseconds} ms");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"^\(\d+\) Окно$")); // the tab shows what waits

        // Keyboard: j moves down the list (oldest first in the queue), Enter opens the selected row.
        var index = await page.Locator("[data-test=row]").EvaluateAllAsync<int>("(rows, tag) => rows.findIndex(r => r.textContent.includes(tag))", tag);
        for (var i = 0; i <= index; i++) await page.Keyboard.PressAsync("j");
        await Expect(Row(page, tag)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-test=chat-name]")).ToHaveTextAsync("Мария Иванова");

        watch.Restart();
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(user, $"И ещё: есть завещание {tag}", "Мария", "Иванова"));
        accepted = watch.ElapsedMilliseconds;
        await Expect(page.Locator("[data-test=message]", new() { HasText = "есть завещание" })).ToBeVisibleAsync(new() { Timeout = LiveMs });
        output.WriteLine($"webhook accepted after {accepted} ms; second message visible in the open conversation after {watch.ElapsedMilliseconds} ms");
        await Expect(Row(page, "есть завещание")).ToBeVisibleAsync(new() { Timeout = LiveMs });

        await page.ClickAsync("[data-test=take]");
        await Expect(page.Locator("[data-test=take]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=route-select]")).ToHaveValueAsync(kit.ChannelId); // the default route is preselected
        await page.Keyboard.PressAsync("r");
        await page.Keyboard.TypeAsync("Добрый день, Мария! Пришлите, пожалуйста, копию завещания.");
        await page.Keyboard.PressAsync("Control+Enter");
        var reply = page.Locator("[data-test=message]", new() { HasText = "копию завещания" });
        await Expect(reply).ToHaveAttributeAsync("data-status", "sent");
        await Expect(reply.Locator("[data-test=msg-status]")).ToContainTextAsync("отправлено");
        Assert.Contains(App.Sim.Telegram.CallsTo("sendMessage"), c => c.Body.ToJsonString().Contains("копию завещания", StringComparison.Ordinal) || c.Body["text"]?.ToString().Contains("копию завещания", StringComparison.Ordinal) == true);

        await Expect(page.Locator("[data-test=reply-text]")).ToHaveValueAsync(""); // the sent reply's box is replaced by an empty one before typing on
        // A file goes out as a document through the same route.
        await page.SetInputFilesAsync("[data-test=attach]", new FilePayload { Name = "договор.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 test"u8.ToArray() });
        await Expect(page.Locator("[data-test=attached]")).ToContainTextAsync("договор.pdf");
        await page.ClickAsync("[data-test=send]");
        var file = page.Locator("[data-test=message]", new() { HasText = "договор.pdf" });
        await Expect(file).ToHaveAttributeAsync("data-status", "sent");
        Assert.NotEmpty(App.Sim.Telegram.CallsTo("sendDocument"));
        await App.ShotAsync(page, "02-conversation-with-reply");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task HandOff_WithReturnBy_ComesBackWithNotice()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var op = await CreateUserAsync("operator", "Олег Передающий");
        var lawyer = await CreateUserAsync("lawyer", "Лариса Юристова");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(NextTelegramUser(), $"Нужен юрист {tag}", "Пётр"));
        var page = await App.SignInAsync(op.Email, Password);
        var lawyerPage = await App.SignInAsync(lawyer.Email, Password);

        await page.ClickAsync("[data-test=tab-Queue]");
        await Row(page, tag).ClickAsync();
        await page.ClickAsync("[data-test=take]");
        await Expect(page.Locator("[data-test=take]")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-test=handoff-open]");
        await page.SelectOptionAsync("[data-test=handoff-to]", lawyer.Id.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("[data-test=handoff-comment]", "Проверьте срок исковой давности");
        var returnBy = DateTimeInput.Value(DateTime.Now.AddSeconds(4));
        await page.FillAsync("[data-test=handoff-return]", returnBy);
        await App.ShotAsync(page, "03-handoff-dialog");
        await page.ClickAsync("[data-test=handoff-send]");

        await Expect(page.Locator("[data-test=handoff-banner]")).ToContainTextAsync("Проверьте срок исковой давности");
        await Expect(lawyerPage.Locator("[data-test=toast]", new() { HasText = "передал вам обращение: Пётр" })).ToBeVisibleAsync(new() { Timeout = 9000 });
        await App.ShotAsync(lawyerPage, "04-lawyer-receives-handoff");

        await Expect(page.Locator("[data-test=toast]", new() { HasText = "Вернулось к вам: Пётр" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=handoff-banner]")).ToHaveCountAsync(0);
        await Expect(page.Locator(".chat-sub")).ToContainTextAsync(op.Name);
        await Expect(lawyerPage.Locator("[data-test=toast]", new() { HasText = "возвращено передавшему" })).ToBeVisibleAsync(new() { Timeout = 9000 });
        await App.ShotAsync(page, "05-returned-with-notice");
        await page.Context.CloseAsync();
        await lawyerPage.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Phone_OperatorSeesMaskedEverywhere_AdminSeesWhole()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var op = await CreateUserAsync("operator", "Ирина Маскова");
        var tail = Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var e164 = "+7916555" + tail[..2] + tail[2..];
        var shared = $"+7 916 555-{tail[..2]}-{tail[2..]}";
        var masked = $"+7 *** ***-{tail[..2]}-{tail[2..]}";
        await kit.PostAsync(App.Sim.Telegram.SharedContactUpdate(NextTelegramUser(), shared, "Семён"));

        var page = await App.SignInAsync(op.Email, Password);
        await page.ClickAsync("[data-test=tab-Queue]");
        var row = Row(page, masked);
        await Expect(row).ToBeVisibleAsync();
        await row.ClickAsync();
        await Expect(page.Locator("[data-test=identity]", new() { HasText = masked })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=message]", new() { HasText = masked })).ToBeVisibleAsync();
        var html = await page.ContentAsync();
        Assert.DoesNotContain("916555" + tail, html, StringComparison.Ordinal);
        Assert.DoesNotContain(shared, html, StringComparison.Ordinal);
        await App.ShotAsync(page, "06-operator-sees-masked-phone");

        // The API the page's cookie opens is masked as well.
        var id = await page.Locator("[data-test=conversation]").GetAttributeAsync("data-id");
        foreach (var url in new[] { "/api/v1/conversations?limit=200", $"/api/v1/conversations/{id}", $"/api/v1/conversations/{id}/messages" })
        {
            var body = await (await page.Context.APIRequest.GetAsync(url)).TextAsync();
            Assert.DoesNotContain("916555" + tail, body, StringComparison.Ordinal);
            Assert.DoesNotContain(shared, body, StringComparison.Ordinal);
        }
        var conversation = JsonNode.Parse(await (await page.Context.APIRequest.GetAsync($"/api/v1/conversations/{id}")).TextAsync())!;
        var contactBody = await (await page.Context.APIRequest.GetAsync($"/api/v1/contacts/{conversation["contactId"]}")).TextAsync();
        Assert.Contains(masked, contactBody, StringComparison.Ordinal);
        Assert.DoesNotContain(e164, contactBody, StringComparison.Ordinal);

        var admin = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        await admin.GotoAsync($"/c/{id}");
        await Expect(admin.Locator("[data-test=identity]", new() { HasText = e164 })).ToBeVisibleAsync();
        await App.ShotAsync(admin, "07-admin-sees-whole-phone");
        await page.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task FailedSend_ShowsReason_RetrySendsIt()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var op = await CreateUserAsync("operator", "Фёдор Повторов");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(NextTelegramUser(), $"Ответьте мне {tag}", "Глеб"));
        var page = await App.SignInAsync(op.Email, Password);
        await page.ClickAsync("[data-test=tab-Queue]");
        await Row(page, tag).ClickAsync();
        await page.ClickAsync("[data-test=take]");
        await Expect(page.Locator("[data-test=take]")).ToHaveCountAsync(0);

        App.Sim.Telegram.FailNext("sendMessage", 403, "Forbidden: bot was blocked by the user");
        await page.FillAsync("[data-test=reply-text]", "Здравствуйте, Глеб! " + tag);
        await page.ClickAsync("[data-test=send]");
        var message = page.Locator("[data-test=message]", new() { HasText = "Здравствуйте, Глеб!" });
        await Expect(message).ToHaveAttributeAsync("data-status", "failed");
        await Expect(message.Locator("[data-test=fail-reason]")).ToContainTextAsync("заблокировал бота");
        await App.ShotAsync(page, "08-failed-send-with-reason");

        await message.Locator("[data-test=retry]").ClickAsync();
        await Expect(message).ToHaveAttributeAsync("data-status", "sent");
        await Expect(message.Locator("[data-test=fail-reason]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}

public sealed class SqliteInboxBrowserTests(SqliteBrowserOknoApp app, Xunit.Abstractions.ITestOutputHelper output) : InboxBrowserTests<SqliteBrowserOknoApp>(app, output);

public sealed class PostgresInboxBrowserTests(PostgresBrowserOknoApp app, Xunit.Abstractions.ITestOutputHelper output) : InboxBrowserTests<PostgresBrowserOknoApp>(app, output);
