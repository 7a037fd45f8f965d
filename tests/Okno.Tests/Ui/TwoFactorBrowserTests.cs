using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Okno.Tests.Infrastructure;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>Issue 15.5 in Chromium: enrolment in the profile (QR, key, code, recovery codes), then the sign-in page asks for the code.</summary>
[Collection(BrowserCollection.Name)]
public abstract class TwoFactorBrowserTests<TApp>(TApp app) : UiTestBase<TApp>(app) where TApp : BrowserOknoApp
{
    [SkippableFact]
    public async Task EnrolInProfile_ThenSignInAsksForTheCode_RecoveryCodeSignsIn()
    {
        var user = await CreateUserAsync("operator", "Ирина Двухфакторная");
        var page = await App.SignInAsync(user.Email, Password);
        await page.GotoAsync("/account");
        await page.Locator("[data-test=tfa-start]").ClickAsync();
        var secret = page.Locator("[data-test=tfa-secret]");
        await Expect(secret).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-7]{32}$"));
        await Expect(page.Locator("[data-test=tfa-qr]")).ToBeVisibleAsync();
        var clock = App.Services.GetRequiredService<TimeProvider>();
        var code = new Totp(Base32Encoding.ToBytes(await secret.InnerTextAsync())).ComputeTotp(clock.GetUtcNow().UtcDateTime);
        await page.Locator("[data-test=tfa-code]").FillAsync(code);
        await page.Locator("[data-test=tfa-confirm]").ClickAsync();
        var codes = page.Locator("[data-test=tfa-codes] li");
        await Expect(codes).ToHaveCountAsync(10);
        var recovery = await codes.Nth(0).InnerTextAsync();
        await page.Locator("[data-test=tfa-done]").ClickAsync();
        await Expect(page.Locator("[data-test=tfa-state]")).ToContainTextAsync("Включён");
        await App.ShotAsync(page, "45-account-two-factor");
        await page.Context.CloseAsync();

        var context = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseUrl, Locale = "ru-RU" });
        var login = await context.NewPageAsync();
        await login.GotoAsync("/login");
        await login.FillAsync("input[name=email]", user.Email);
        await login.FillAsync("input[name=password]", Password);
        await login.ClickAsync("[data-test=login-submit]");
        var field = login.Locator("[data-test=login-code]");
        await Expect(field).ToBeVisibleAsync();
        await field.FillAsync("000000" == code ? "111111" : "000000");
        await login.ClickAsync("[data-test=login-code-submit]");
        await Expect(login.Locator("[data-test=login-error]")).ToContainTextAsync("Неверный");
        await Expect(field).ToBeVisibleAsync();
        await field.FillAsync(recovery);
        await login.ClickAsync("[data-test=login-code-submit]");
        await Expect(login.Locator("[data-test=rows]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await context.CloseAsync();
    }
}

public sealed class SqliteTwoFactorBrowserTests(SqliteBrowserOknoApp app) : TwoFactorBrowserTests<SqliteBrowserOknoApp>(app);

public sealed class PostgresTwoFactorBrowserTests(PostgresBrowserOknoApp app) : TwoFactorBrowserTests<PostgresBrowserOknoApp>(app);
