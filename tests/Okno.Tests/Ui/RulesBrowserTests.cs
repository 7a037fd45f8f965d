using System.Text.RegularExpressions;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>The rules screen in real Chromium: a preset in one click, its log after a client writes, a dry run, switching it off.</summary>
[Collection(BrowserCollection.Name)]
public abstract partial class RulesBrowserTests<TApp>(TApp app) : UiTestBase<TApp>(app) where TApp : BrowserOknoApp
{
    [SkippableFact]
    public async Task Admin_AddsGreetingPreset_SeesItFireInTheLog_TestsIt_AndSwitchesItOff()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var page = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);

        await page.GotoAsync("/admin/rules");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Автоматизация");
        await page.ClickAsync("[data-test=preset-greeting]");
        var row = page.Locator("[data-test=rule-row]", new() { HasText = "Приветствие на первое обращение" });
        await Expect(row).ToHaveCountAsync(1);
        var ruleId = (await App.GetJsonAsync("/api/v1/rules"))["items"]!.AsArray().Single(r => r!["preset"]?.GetValue<string>() == "greeting")!["id"]!.GetValue<long>();

        // Not ClientWritesAsync: it finds the conversation by its preview, which the greeting replaces at once.
        (await kit.PostAsync(App.Sim.Telegram.TextUpdate(NextTelegramUser(), "Добрый день, нужна консультация", "Лев"))).EnsureSuccessStatusCode();
        await OknoApp.EventuallyAsync(async () => (await App.GetJsonAsync($"/api/v1/rules/{ruleId}/log"))["items"]!.AsArray().Count == 1, what: "the greeting fired");
        await row.Locator("[data-test=rule-log]").ClickAsync();
        await Expect(page.Locator("[data-test=rule-log-row]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test=rule-log-row]")).ToContainTextAsync("ответ отправлен");

        await row.Locator("[data-test=rule-open]").ClickAsync();
        var sample = page.Locator("[data-test=rule-sample]");
        await Expect(sample).ToBeVisibleAsync();
        await sample.FillAsync("Здравствуйте, у меня вопрос");
        await Expect(sample).ToHaveValueAsync("Здравствуйте, у меня вопрос");
        await page.ClickAsync("[data-test=rule-test]");
        await Expect(page.Locator("[data-test=rule-test-result]")).ToContainTextAsync("Сработает");
        await Expect(page.Locator("[data-test=rule-test-result]")).ToContainTextAsync("Ответить клиенту");
        await App.ShotAsync(page, "rules-editor");

        var enabled = row.Locator("[data-test=rule-enabled]");
        await Expect(enabled).ToBeCheckedAsync();
        await enabled.ClickAsync();
        await Expect(row).ToHaveClassAsync(Muted());
        await Expect(enabled).Not.ToBeCheckedAsync();
        Assert.False((await App.GetJsonAsync($"/api/v1/rules/{ruleId}"))["enabled"]!.GetValue<bool>());
    }

    [GeneratedRegex("muted")]
    private static partial Regex Muted();
}

public sealed class SqliteRulesBrowserTests(SqliteBrowserOknoApp app) : RulesBrowserTests<SqliteBrowserOknoApp>(app);

public sealed class PostgresRulesBrowserTests(PostgresBrowserOknoApp app) : RulesBrowserTests<PostgresBrowserOknoApp>(app);
