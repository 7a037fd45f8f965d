using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>Issue 15.5, the admin screens over the privacy APIs in real Chromium: tokens, retention with its dry run and holds, roles.</summary>
[Collection(BrowserCollection.Name)]
public abstract class SecurityScreensBrowserTests<TApp>(TApp app) : UiTestBase<TApp>(app) where TApp : BrowserOknoApp
{
    [SkippableFact]
    public async Task Tokens_CreatedTokenShownOnceAndWorks_RevokedStopsWorking()
    {
        var page = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        await page.GotoAsync("/admin/tokens");
        await Expect(page.Locator("h1")).ToHaveTextAsync("API-токены");
        var name = "CRM " + Guid.NewGuid().ToString("N")[..6];
        var box = page.Locator("[data-test=token-name]");
        await box.FillAsync(name);
        await Expect(box).ToHaveValueAsync(name);
        await page.ClickAsync("[data-test=token-create]");
        var secret = page.Locator("[data-test=token-secret]");
        await Expect(secret).ToContainTextAsync("okno_");
        var token = (await secret.InnerTextAsync()).Trim();
        var row = page.Locator("[data-test=token-row]", new() { HasText = name });
        await Expect(row.Locator("[data-test=token-state]")).ToHaveTextAsync("действует");

        using var bearer = App.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/conversations?limit=1")).StatusCode);

        await page.ReloadAsync();
        await Expect(page.Locator("[data-test=token-row]", new() { HasText = name })).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=token-secret]")).ToHaveCountAsync(0); // shown once
        await page.Locator("[data-test=token-row]", new() { HasText = name }).Locator("[data-test=token-revoke]").ClickAsync();
        await Expect(page.Locator("[data-test=confirm-yes]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-test=confirm-yes]");
        await Expect(page.Locator("[data-test=token-row]", new() { HasText = name }).Locator("[data-test=token-state]")).ToHaveTextAsync("отозван");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/conversations?limit=1")).StatusCode);
    }

    [SkippableFact]
    public async Task Retention_RuleSavedDryRunListsTheOldConversation_HoldTakesItOut()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var conversation = await ClientWritesAsync(kit, NextTelegramUser(), "Старое дело " + Guid.NewGuid().ToString("N")[..6], "Олег");
        using (var admin = App.Api()) (await admin.PostAsync($"/api/v1/conversations/{conversation}/resolve", null)).EnsureSuccessStatusCode();
        long contact = 0;
        await WithDbAsync(async db =>
        {
            var old = DateTimeOffset.UtcNow.AddYears(-4);
            await db.Conversations.Where(c => c.Id == conversation).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolvedAt, old));
            contact = await db.Conversations.Where(c => c.Id == conversation).Select(c => c.ContactId).SingleAsync();
        });

        var page = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        await page.GotoAsync("/admin/retention");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Хранение данных");
        await page.ClickAsync("[data-test=rule-add]");
        var months = page.Locator("[data-test=rule-months]").Last;
        await months.FillAsync("24");
        await Expect(months).ToHaveValueAsync("24");
        await page.ClickAsync("[data-test=rules-save]");
        await Expect(page.Locator("[data-test=rules-saved]")).ToBeVisibleAsync();

        await page.ClickAsync("[data-test=dry-run]");
        await Expect(page.Locator($"[data-test=plan-row][data-conversation='{conversation}']")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=plan-summary]")).ToContainTextAsync("Проверка");

        var holdContact = page.Locator("[data-test=hold-contact]");
        await holdContact.FillAsync(contact.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(holdContact).ToHaveValueAsync(contact.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var reason = page.Locator("[data-test=hold-reason]");
        await reason.FillAsync("Судебный спор");
        await Expect(reason).ToHaveValueAsync("Судебный спор");
        await page.ClickAsync("[data-test=hold-place]");
        await Expect(page.Locator("[data-test=hold-row]", new() { HasText = "Судебный спор" })).ToHaveCountAsync(1);

        await page.ClickAsync("[data-test=dry-run]");
        await Expect(page.Locator($"[data-test=plan-row][data-conversation='{conversation}']")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=plan-summary]")).ToContainTextAsync("под удержанием: 1");
        using var api = App.Api();
        var rules = await api.GetStringAsync("/api/v1/retention");
        Assert.Contains("\"months\":24", rules, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Wall_SetOnTheContactCard_LockInTheListForTheNamed_UnnamedOperatorDoesNotSeeIt()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var text = "Конфиденциально " + Guid.NewGuid().ToString("N")[..6];
        await ClientWritesAsync(kit, NextTelegramUser(), text, "Вера");
        var open = "Открыто " + Guid.NewGuid().ToString("N")[..6];
        await ClientWritesAsync(kit, NextTelegramUser(), open, "Глеб");
        var (namedId, namedEmail, _) = await CreateUserAsync("operator", "Названный Оператор");
        var (_, otherEmail, _) = await CreateUserAsync("operator", "Другой Оператор");

        var page = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        await OpenFromQueueAsync(page, text);
        await page.ClickAsync("[data-test=wall-edit]");
        var named = page.Locator($"[data-test=wall-user][data-user='{namedId}']");
        await Expect(named).ToBeVisibleAsync();
        await named.CheckAsync();
        await Expect(named).ToBeCheckedAsync();
        await page.ClickAsync("[data-test=wall-save]");
        await Expect(page.Locator("[data-test=restricted]")).ToBeVisibleAsync();

        var operatorPage = await App.SignInAsync(namedEmail, Password);
        await operatorPage.ClickAsync("[data-test=tab-Queue]");
        await Expect(Row(operatorPage, text).Locator("[data-test=row-lock]")).ToHaveCountAsync(1);

        var otherPage = await App.SignInAsync(otherEmail, Password);
        await otherPage.ClickAsync("[data-test=tab-Queue]");
        await Expect(Row(otherPage, open)).ToHaveCountAsync(1); // the list has loaded
        await Expect(Row(otherPage, text)).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Roles_MatrixShowsTheTable_EmailMaskingSaved()
    {
        var page = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        await page.GotoAsync("/admin/roles");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Роли и доступ");
        await Expect(page.Locator("[data-test=cap-see-phones-operator]")).ToHaveAttributeAsync("data-has", "no");
        await Expect(page.Locator("[data-test=cap-see-phones-supervisor]")).ToHaveAttributeAsync("data-has", "yes");
        await Expect(page.Locator("[data-test=cap-change-qc]")).ToHaveAttributeAsync("data-has", "no");
        var mask = page.Locator("[data-test=mask-lawyer]");
        await Expect(mask).ToBeVisibleAsync();
        await mask.CheckAsync();
        await Expect(mask).ToBeCheckedAsync();
        await page.ClickAsync("[data-test=roles-save]");
        await Expect(page.Locator("[data-test=roles-saved]")).ToBeVisibleAsync();
        using var api = App.Api();
        var matrix = await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/roles");
        Assert.Contains("lawyer", matrix!["emailsMasked"]!.AsArray().Select(r => r!.GetValue<string>()));
    }
}

public sealed class SqliteSecurityScreensBrowserTests(SqliteBrowserOknoApp app) : SecurityScreensBrowserTests<SqliteBrowserOknoApp>(app);

public sealed class PostgresSecurityScreensBrowserTests(PostgresBrowserOknoApp app) : SecurityScreensBrowserTests<PostgresBrowserOknoApp>(app);
