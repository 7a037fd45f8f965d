using System.Net;
using System.Net.Http.Json;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>Issue 10.2: a demoted admin's cookie, taken before the demotion, must not keep admin rights.</summary>
public abstract class OldCookieAfterDemotionTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task CreateAdmin_WithCookieFromBeforeDemotionAndPasswordReset_Refused()
    {
        var (email, id) = await SecurityKit.CreateUserAsync(App, "admin");
        using var oldCookie = await SecurityKit.SignedInAsync(App, email);
        using (var admin = App.Api())
            (await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { role = "operator", password = "Brand-new-password-1" })).EnsureSuccessStatusCode();

        var attempt = await oldCookie.PostAsJsonAsync("/api/v1/users", new { email = $"evil-{Guid.NewGuid():N}@test.local", name = "Evil", role = "admin", password = "Evil-password-1" });

        Assert.Contains(attempt.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }

    [SkippableFact]
    public async Task Me_AfterAdminSignsUserOutEverywhere_401()
    {
        var (email, id) = await SecurityKit.CreateUserAsync(App, "operator");
        using var cookie = await SecurityKit.SignedInAsync(App, email);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/v1/auth/me")).StatusCode);

        using (var admin = App.Api())
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{id}/sign-out-everywhere", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [SkippableFact]
    public async Task Me_InOtherBrowserAfterSignOutEverywhere_401()
    {
        var (email, _) = await SecurityKit.CreateUserAsync(App, "lawyer");
        using var laptop = await SecurityKit.SignedInAsync(App, email);
        using var phone = await SecurityKit.SignedInAsync(App, email);

        Assert.Equal(HttpStatusCode.NoContent, (await phone.PostAsync("/api/v1/auth/sign-out-everywhere", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [SkippableFact]
    public async Task Me_AfterOwnPasswordChange_ThisCookieRenewedOtherEnded()
    {
        var (email, _) = await SecurityKit.CreateUserAsync(App, "operator");
        using var here = await SecurityKit.SignedInAsync(App, email);
        using var elsewhere = await SecurityKit.SignedInAsync(App, email);

        (await here.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = SecurityKit.Password, newPassword = "Another-password-2" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/v1/auth/me")).StatusCode);
    }
}

public sealed class OldCookieAfterDemotionSqliteTests(SqliteOknoApp app) : OldCookieAfterDemotionTests<SqliteOknoApp>(app);

public sealed class OldCookieAfterDemotionPostgresTests(PostgresOknoApp app) : OldCookieAfterDemotionTests<PostgresOknoApp>(app);
