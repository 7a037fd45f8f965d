using Microsoft.Playwright;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>Issue 13.6 in Chromium: the admin sets the reply rules; the operator is warned before sending and may send anyway, or is stopped.</summary>
[Collection(BrowserCollection.Name)]
public abstract class QualityBrowserTests<TApp>(TApp app) : UiTestBase<TApp>(app) where TApp : BrowserOknoApp
{
    [SkippableFact]
    public async Task ForbiddenPhrase_OperatorWarnedBeforeSending_SendsAnyway_ThenBlocked()
    {
        // The admin writes the rules on the admin screen.
        var admin = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        await admin.GotoAsync("/admin/quality");
        await admin.Locator("[data-test=quality-forbidden]").FillAsync("100 % выиграем\nпишите мне в личку");
        await admin.ClickAsync("[data-test=quality-save]");
        await Expect(admin.Locator("[data-test=quality-saved]")).ToBeVisibleAsync();
        await App.ShotAsync(admin, "41-admin-reply-rules");

        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var id = await ClientWritesAsync(kit, NextTelegramUser(), $"Есть шансы в суде? {tag}", "Пётр");
        var op = await CreateUserAsync("operator", "Олег Торопливый");
        var page = await App.SignInAsync(op.Email, Password);
        await OpenFromQueueAsync(page, tag);

        // A forbidden phrase in another word form: a warning, nothing sent yet.
        var box = page.Locator("[data-test=reply-text]");
        await box.FillAsync("Не переживайте, 100% ВЫИГРАЕМ, обещаю!");
        await page.ClickAsync("[data-test=send]");
        await Expect(page.Locator("[data-test=quality-warning]")).ToContainTextAsync("100 % выиграем");
        await Expect(page.Locator("[data-test=message]", new() { HasText = "обещаю" })).ToHaveCountAsync(0);
        await App.ShotAsync(page, "42-reply-rules-warning");

        // Sent anyway: it goes out, and the breach is on the conversation as "sent despite the warning".
        await page.ClickAsync("[data-test=quality-send-anyway]");
        await Expect(page.Locator("[data-test=message][data-status=sent]", new() { HasText = "обещаю" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=quality-warning]")).ToHaveCountAsync(0);
        await Expect(box).ToHaveValueAsync(""); // the sent reply's box is replaced by an empty one before typing on
        var violations = (await App.GetJsonAsync($"/api/v1/conversations/{id}/quality"))["violations"]!.AsArray();
        var v = Assert.Single(violations)!;
        Assert.True(v["sentAnyway"]!.GetValue<bool>());
        Assert.Equal(op.Id, v["authorId"]!.GetValue<long>());

        // The admin makes the rules blocking: the operator is stopped, with no way to send it anyway.
        await admin.ReloadAsync();
        await admin.Locator("[data-test=quality-block]").CheckAsync();
        await admin.ClickAsync("[data-test=quality-save]");
        await Expect(admin.Locator("[data-test=quality-saved]")).ToBeVisibleAsync();
        await Expect(admin.Locator("[data-test=quality-by-operator]")).ToContainTextAsync("Олег Торопливый");

        await box.FillAsync("Пишите мне в личку, там быстрее");
        await page.ClickAsync("[data-test=send]");
        await Expect(page.Locator("[data-test=quality-warning].blocked")).ToContainTextAsync("пишите мне в личку");
        await Expect(page.Locator("[data-test=quality-send-anyway]")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-test=quality-edit]");
        await box.FillAsync("Пишите здесь, в этом чате");
        await page.ClickAsync("[data-test=send]");
        await Expect(page.Locator("[data-test=message][data-status=sent]", new() { HasText = "в этом чате" })).ToBeVisibleAsync();
        Assert.DoesNotContain(App.Sim.Telegram.CallsTo("sendMessage"), c => c.Body["text"]?.ToString()?.Contains("личку", StringComparison.Ordinal) == true);

        await page.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}

public sealed class SqliteQualityBrowserTests(SqliteBrowserOknoApp app) : QualityBrowserTests<SqliteBrowserOknoApp>(app);

public sealed class PostgresQualityBrowserTests(PostgresBrowserOknoApp app) : QualityBrowserTests<PostgresBrowserOknoApp>(app);
