using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>Issue 10.18: /login?error=… put any text on Okno's own sign-in page (phishing: "call this number").</summary>
public sealed class LoginErrorInjectionTests(SqliteOknoApp app) : OknoTest<SqliteOknoApp>(app)
{
    [SkippableFact]
    public async Task LoginPage_AttackerText_NotShown()
    {
        using var client = App.CreateClient();
        const string bait = "Account blocked - call +7 999 000-00-00 to unlock";

        var html = await client.GetStringAsync("/login?error=" + Uri.EscapeDataString(bait));

        Assert.DoesNotContain("call +7 999", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-test=\"login-error\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task LoginPage_KnownCode_FixedText()
    {
        using var client = App.CreateClient();

        var html = await client.GetStringAsync("/login?error=invalid");

        Assert.Contains("data-test=\"login-error\"", html, StringComparison.Ordinal);
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode("Неверный e-mail или пароль."), html, StringComparison.Ordinal);
    }
}
