using Microsoft.Playwright;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>Issue 15.2 in Chromium: opening a conversation in the web app is audited; "who opened this" and the audit page show it.</summary>
[Collection(BrowserCollection.Name)]
public abstract class AuditBrowserTests<TApp>(TApp app) : UiTestBase<TApp>(app) where TApp : BrowserOknoApp
{
    [SkippableFact]
    public async Task OperatorOpensConversation_SupervisorSeesWhoOpenedAndTheAuditPage()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = "аудит " + Guid.NewGuid().ToString("N")[..8];
        var id = await ClientWritesAsync(kit, NextTelegramUser(), tag, "Олег");
        var op = await CreateUserAsync("operator", "Ольга Читающая");
        var sup = await CreateUserAsync("supervisor", "Семён Проверяющий");

        var opPage = await App.SignInAsync(op.Email, Password);
        await opPage.GotoAsync($"/c/{id}");
        await Expect(opPage.Locator("[data-test=timeline]")).ToContainTextAsync(tag);
        await Expect(opPage.Locator("[data-test=who-opened]")).ToHaveCountAsync(0);

        var supPage = await App.SignInAsync(sup.Email, Password);
        await supPage.GotoAsync($"/c/{id}");
        var panel = supPage.Locator("[data-test=who-opened]");
        await panel.Locator("summary").ClickAsync();
        await Expect(panel).ToContainTextAsync("Ольга Читающая");

        await panel.Locator("[data-test=who-opened-all]").ClickAsync();
        await Expect(supPage.Locator("[data-test=audit-object]")).ToHaveValueAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(supPage.Locator("[data-test=audit-row]", new() { HasText = "auth." })).ToHaveCountAsync(0);
        await Expect(supPage.Locator("[data-test=audit-row]", new() { HasText = "Ольга Читающая" })).ToContainTextAsync("conversation.read");
        await supPage.ClickAsync("[data-test=audit-verify]");
        await Expect(supPage.Locator("[data-test=audit-verdict]")).ToContainTextAsync("Цепочка цела");
        Assert.Contains("objectType=conversation", await supPage.GetAttributeAsync("[data-test=audit-csv]", "href") ?? "", StringComparison.Ordinal);
        await App.ShotAsync(supPage, "40-admin-audit");
    }
}

public sealed class SqliteAuditBrowserTests(SqliteBrowserOknoApp app) : AuditBrowserTests<SqliteBrowserOknoApp>(app);

public sealed class PostgresAuditBrowserTests(PostgresBrowserOknoApp app) : AuditBrowserTests<PostgresBrowserOknoApp>(app);
