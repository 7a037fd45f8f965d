using Microsoft.Playwright;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using Okno.Tests.Ui;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Security;

/// <summary>
/// Issue 10.16 in real Chromium: under the app's Content-Security-Policy the operator app still works — Blazor's
/// circuit, the reply box, the admin screens' API calls (with the CSRF header) — and the browser reports no
/// policy violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(SqliteBrowserOknoApp app) : OknoTest<SqliteBrowserOknoApp>(app)
{
    [SkippableFact]
    public async Task OperatorApp_UnderCsp_WorksWithoutViolations()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(9501, $"Вопрос по договору {tag}", "Анна"));
        var page = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        var problems = new List<string>();
        await page.Context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        page.Console += (_, m) => { if (m.Type == "error" || m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add("page error: " + e);
        await page.GotoAsync("/login"); // the sign-in page, watched this time
        await page.GotoAsync("/");      // the inbox again, from a fresh load under the policy
        await page.Locator("[data-test=rows]").WaitForAsync(new() { Timeout = 30_000 });
        await page.ClickAsync("[data-test=tab-Queue]");
        var row = page.Locator("[data-test=row]", new() { HasText = tag });
        await row.ClickAsync(new() { Timeout = 20_000 });
        await page.FillAsync("[data-test=reply-text]", "Добрый день, Анна! Пришлите договор.");
        await page.ClickAsync("[data-test=send]");
        await Expect(page.Locator("[data-test=message]", new() { HasText = "Пришлите договор" })).ToHaveAttributeAsync("data-status", "sent");
        await page.GotoAsync("/admin/channels");
        await Expect(page.Locator("[data-test=channel-status]").First).ToBeVisibleAsync(); // loaded via okno.api
        await page.GotoAsync("/admin/users");
        await Expect(page.Locator("[data-test=user-sign-out-everywhere]").First).ToBeVisibleAsync();

        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }
}
