using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>Admin screens, scripts, notes with mentions and "not target" reasons, in real Chromium.</summary>
/// <remarks>Browser tests share one collection: two Chromiums at once on a small machine distort the timings.</remarks>
[Collection(BrowserCollection.Name)]
public abstract class AdminBrowserTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : BrowserOknoApp
{
    private const string Password = "Operator-pass-1";

    private async Task<(long Id, string Email)> CreateUserAsync(string role, string name)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.local";
        using var client = App.Api();
        var response = await client.PostAsJsonAsync("/api/v1/users", new { email, name, role, password = Password });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return (body["id"]!.GetValue<long>(), email);
    }

    [SkippableFact]
    public async Task Admin_CreatesScriptAndReason_OperatorUsesThemAndMentionsColleague()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var admin = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);

        await admin.GotoAsync("/admin/channels");
        await Expect(admin.Locator("[data-test=channel-status]").First).ToHaveTextAsync("подключён");
        await App.ShotAsync(admin, "09-admin-channels");

        await admin.GotoAsync("/admin/scripts");
        await admin.FillAsync("[data-test=script-title]", "Приветствие");
        await admin.FillAsync("[data-test=script-text]", "Здравствуйте, {client_name}! Меня зовут {operator_name}, я помогу.");
        await admin.ClickAsync("[data-test=script-save]");
        await Expect(admin.Locator("[data-test=scripts]")).ToContainTextAsync("Приветствие");
        await App.ShotAsync(admin, "10-admin-scripts");

        await admin.GotoAsync("/admin/reasons");
        await admin.FillAsync("[data-test=reason-text]", "Спам");
        await admin.ClickAsync("[data-test=reason-add]");
        await Expect(admin.Locator("[data-test=reasons]")).ToContainTextAsync("Спам");

        await admin.GotoAsync("/admin/users");
        await Expect(admin.Locator("[data-test=users]")).ToContainTextAsync(OknoApp.AdminEmail);
        await App.ShotAsync(admin, "11-admin-users");

        var op = await CreateUserAsync("operator", "Вера Скриптова");
        var colleague = await CreateUserAsync("lawyer", "Захар Упомянутый");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(880_001, $"Добрый вечер {tag}", "Нина"));
        var page = await App.SignInAsync(op.Email, Password);
        var lawyer = await App.SignInAsync(colleague.Email, Password);
        await page.ClickAsync("[data-test=tab-Queue]");
        await page.Locator("[data-test=row]", new() { HasText = tag }).ClickAsync();
        await page.ClickAsync("[data-test=take]");
        await Expect(page.Locator("[data-test=take]")).ToHaveCountAsync(0);

        // "/" searches the scripts; picking one fills in the variables.
        await page.FillAsync("[data-test=reply-text]", "/привет");
        await page.Locator("[data-test=scripts] button", new() { HasText = "Приветствие" }).ClickAsync();
        await Expect(page.Locator("[data-test=reply-text]")).ToHaveValueAsync("Здравствуйте, Нина! Меня зовут Вера Скриптова, я помогу.");
        await App.ShotAsync(page, "12-script-inserted");
        await page.ClickAsync("[data-test=send]");
        await Expect(page.Locator("[data-test=message][data-status=sent]", new() { HasText = "Меня зовут Вера" })).ToBeVisibleAsync();

        await Expect(page.Locator("[data-test=reply-text]")).ToHaveValueAsync(""); // the sent reply's box is replaced by an empty one before typing on
        // A note with a mention: another colour, and the colleague is told.
        await page.ClickAsync("[data-test=note-mode]");
        await page.FillAsync("[data-test=reply-text]", "@Захар посмотрите, пожалуйста, это по наследству");
        await page.ClickAsync("[data-test=send]");
        await Expect(page.Locator(".msg-note", new() { HasText = "@Захар посмотрите" })).ToBeVisibleAsync();
        await Expect(lawyer.Locator("[data-test=toast]", new() { HasText = "упомянула вас в заметке: Нина" })).ToBeVisibleAsync(new() { Timeout = 9000 });

        // Labels and notes about the client, in the card.
        await page.FillAsync("[data-test=label-input]", "VIP");
        await page.PressAsync("[data-test=label-input]", "Enter");
        await Expect(page.Locator("[data-test=labels]")).ToContainTextAsync("VIP");
        await page.FillAsync("[data-test=contact-note-text]", "Предпочитает переписку вечером");
        await page.ClickAsync("[data-test=contact-note-add]");
        await Expect(page.Locator(".card-notes")).ToContainTextAsync("Предпочитает переписку вечером");
        await App.ShotAsync(page, "13-note-with-mention");

        // "Not target" needs a reason from the admin's list.
        await page.ClickAsync("[data-test=more]");
        await page.SelectOptionAsync("[data-test=reason]", "Спам");
        await page.ClickAsync("[data-test=mark-not-target]");
        await Expect(page.Locator(".chat-sub")).ToContainTextAsync("Не целевое: Спам");

        // e resolves the open conversation.
        await page.Locator("body").ClickAsync(new() { Position = new() { X = 700, Y = 400 } });
        await page.Keyboard.PressAsync("e");
        await Expect(page.Locator("[data-test=status]")).ToHaveTextAsync("Закрыто");
        var id = long.Parse((await page.Locator("[data-test=conversation]").GetAttributeAsync("data-id"))!, CultureInfo.InvariantCulture);
        var conversation = await App.GetJsonAsync($"/api/v1/conversations/{id}");
        Assert.Equal("resolved", conversation["status"]!.GetValue<string>());
        Assert.False(conversation["isTarget"]!.GetValue<bool>());
        await page.Context.CloseAsync();
        await lawyer.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task SignIn_WrongPassword_ShowsErrorAndEnglishSwitches()
    {
        var context = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseUrl, ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForURLAsync(u => u.Contains("/login", StringComparison.Ordinal));
        await App.ShotAsync(page, "00-sign-in");
        await page.FillAsync("input[name=email]", OknoApp.AdminEmail);
        await page.FillAsync("input[name=password]", "wrong-password");
        await page.ClickAsync("[data-test=login-submit]");
        await Expect(page.Locator("[data-test=login-error]")).ToHaveTextAsync("Неверный e-mail или пароль.");

        await page.ClickAsync("text=English");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to Okno");
        await page.FillAsync("input[name=email]", OknoApp.AdminEmail);
        await page.FillAsync("input[name=password]", OknoApp.AdminPassword);
        await page.ClickAsync("[data-test=login-submit]");
        await Expect(page.Locator("[data-test=tab-Queue]")).ToContainTextAsync("Queue");
        await context.CloseAsync();
    }
}

public sealed class SqliteAdminBrowserTests(SqliteBrowserOknoApp app) : AdminBrowserTests<SqliteBrowserOknoApp>(app);

public sealed class PostgresAdminBrowserTests(PostgresBrowserOknoApp app) : AdminBrowserTests<PostgresBrowserOknoApp>(app);
