using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>Issue 10.16: no CSP, no nosniff, no Referrer-Policy; plain cookies and no HSTS behind an https address.</summary>
public sealed class MissingSecurityHeadersTests(SqliteOknoApp app) : OknoTest<SqliteOknoApp>(app)
{
    [SkippableFact]
    public async Task LoginPage_Headers_CspNosniffReferrerPolicy()
    {
        using var client = App.CreateClient();

        var page = await client.GetAsync("/login");

        var csp = string.Join(";", page.Headers.TryGetValues("Content-Security-Policy", out var v) ? v : page.Content.Headers.TryGetValues("Content-Security-Policy", out var c) ? c : []);
        Assert.True(csp.Contains("default-src 'self'", StringComparison.Ordinal), "CSP: " + csp + " headers: " + page.Headers);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(page.Headers.Contains("Strict-Transport-Security")); // http PublicUrl: no HSTS
    }

    [SkippableFact]
    public async Task SignIn_HttpsPublicUrl_SecureCookieAndHsts()
    {
        using var host = App.WithWebHostBuilder(b => b.UseSetting("Okno:PublicUrl", "https://okno.firm.test"));
        using var client = host.CreateClient(new() { HandleCookies = false });

        var answer = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = OknoApp.AdminEmail, password = OknoApp.AdminPassword });

        var cookie = answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("okno.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", answer.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }
}
