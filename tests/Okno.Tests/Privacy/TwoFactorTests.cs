using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;
using Okno.Tests.Security;
using OtpNet;

namespace Okno.Tests.Privacy;

/// <summary>Issue 15.5: TOTP sign-in (RFC 6238 on the app's clock), one-time recovery codes, the per-role requirement.</summary>
public abstract class TwoFactorTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : PrivacyApp
{
    private sealed record Enrolled(string Email, long Id, string Secret, List<string> RecoveryCodes);

    private string CodeNow(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(App.Clock.GetUtcNow().UtcDateTime);

    /// <summary>The next 30-second step: a code already used in this step is not accepted again.</summary>
    private void NextStep() => App.Clock.Advance(TimeSpan.FromSeconds(30));

    private HttpClient Browser()
    {
        var client = App.CreateClient(new() { HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Okno-Request", "1");
        return client;
    }

    private async Task<Enrolled> EnrolledUserAsync(string role = "operator")
    {
        var (email, id) = await SecurityKit.CreateUserAsync(App, role);
        using var client = await SecurityKit.SignedInAsync(App, email);
        var enrol = await client.PostAsync("/api/v1/auth/2fa/enroll", null);
        Assert.Equal(HttpStatusCode.OK, enrol.StatusCode);
        var body = (await enrol.Content.ReadFromJsonAsync<JsonObject>())!;
        var secret = body["secret"]!.GetValue<string>();
        Assert.StartsWith("otpauth://totp/Okno:", body["otpauthUri"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", body["qrCode"]!.GetValue<string>(), StringComparison.Ordinal);
        var confirm = await client.PostAsJsonAsync("/api/v1/auth/2fa/confirm", new { code = CodeNow(secret) });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var codes = (await confirm.Content.ReadFromJsonAsync<JsonObject>())!["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        NextStep();
        return new Enrolled(email, id, secret, codes);
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string? code = null) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = SecurityKit.Password, code });

    [SkippableFact]
    public async Task SignIn_WithoutCode_AnswersTwoFactorRequired_AndGivesNoSession()
    {
        var user = await EnrolledUserAsync();
        using var client = Browser();

        var response = await LoginAsync(client, user.Email);
        var me = await client.GetAsync("/api/v1/auth/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["twoFactorRequired"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [SkippableFact]
    public async Task SignIn_WithValidCode_SignedIn_AndTheSameCodeIsNotAcceptedTwice()
    {
        var user = await EnrolledUserAsync();
        var code = CodeNow(user.Secret);
        using var first = Browser();
        using var second = Browser();

        var ok = await LoginAsync(first, user.Email, code);
        var me = await first.GetFromJsonAsync<JsonObject>("/api/v1/auth/me");
        var replay = await LoginAsync(second, user.Email, code);

        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal(user.Id, me!["id"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [SkippableFact]
    public async Task SignIn_WrongOrStaleCode_401_AndAudited()
    {
        var user = await EnrolledUserAsync();
        var stale = CodeNow(user.Secret);
        App.Clock.Advance(TimeSpan.FromMinutes(3)); // six steps later: outside the one-step drift window
        using var client = Browser();

        var wrong = await LoginAsync(client, user.Email, stale);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var entries = await PrivacyKit.AuditAsync(App, $"objectType=user&objectId={user.Id}");
        Assert.Contains(entries, e => e!["action"]!.GetValue<string>() == "auth.sign-in-failed" && e["userId"]?.GetValue<long>() == user.Id);
    }

    [SkippableFact]
    public async Task RecoveryCode_SignsInOnce_ThenRefused()
    {
        var user = await EnrolledUserAsync();
        Assert.Equal(10, user.RecoveryCodes.Count);
        var code = user.RecoveryCodes[3];
        using var first = Browser();
        using var second = Browser();

        var ok = await LoginAsync(first, user.Email, code.ToUpperInvariant());
        var again = await LoginAsync(second, user.Email, code);
        var status = await first.GetFromJsonAsync<JsonObject>("/api/v1/auth/2fa");

        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(9, status!["recoveryCodesLeft"]!.GetValue<int>());
        var entries = await PrivacyKit.AuditAsync(App, $"objectType=user&objectId={user.Id}");
        Assert.Contains(entries, e => e!["action"]!.GetValue<string>() == "auth.recovery-code-used");
        Assert.Contains(entries, e => e!["action"]!.GetValue<string>() == "auth.sign-in" && e["userId"]?.GetValue<long>() == user.Id);
    }

    [SkippableFact]
    public async Task FiveWrongCodes_LockTheAccount_EvenWithTheRightCodeAfter()
    {
        var user = await EnrolledUserAsync();
        using var client = Browser();
        var wrongCode = CodeNow(user.Secret) == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, user.Email, wrongCode)).StatusCode);

        var right = await LoginAsync(client, user.Email, CodeNow(user.Secret));

        Assert.NotEqual(HttpStatusCode.NoContent, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [SkippableFact]
    public async Task Confirm_BadInput_ClearProblems()
    {
        var (email, _) = await SecurityKit.CreateUserAsync(App, "operator");
        using var client = await SecurityKit.SignedInAsync(App, email);

        var beforeEnrol = await client.PostAsJsonAsync("/api/v1/auth/2fa/confirm", new { code = "123456" });
        (await client.PostAsync("/api/v1/auth/2fa/enroll", null)).EnsureSuccessStatusCode();
        var empty = await client.PostAsJsonAsync("/api/v1/auth/2fa/confirm", new { code = "" });
        var letters = await client.PostAsJsonAsync("/api/v1/auth/2fa/confirm", new { code = "abcdef" });

        Assert.Equal(HttpStatusCode.Conflict, beforeEnrol.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, letters.StatusCode);
        Assert.Contains("код", await letters.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.False((await client.GetFromJsonAsync<JsonObject>("/api/v1/auth/2fa"))!["enabled"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task RequiredForRole_SessionOnlyEnrols_UntilConfirmed()
    {
        using var admin = App.Api();
        var (email, _) = await SecurityKit.CreateUserAsync(App, "lawyer");
        try
        {
            var bad = await admin.PutAsJsonAsync("/api/v1/two-factor/policy", new { requiredRoles = new[] { "lawyer", "boss" } });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            (await admin.PutAsJsonAsync("/api/v1/two-factor/policy", new { requiredRoles = new[] { "lawyer" } })).EnsureSuccessStatusCode();
            using var client = Browser();

            var login = await LoginAsync(client, email);
            var blocked = await client.GetAsync("/api/v1/conversations");
            var enrol = await (await client.PostAsync("/api/v1/auth/2fa/enroll", null)).Content.ReadFromJsonAsync<JsonObject>();
            var confirm = await client.PostAsJsonAsync("/api/v1/auth/2fa/confirm", new { code = CodeNow(enrol!["secret"]!.GetValue<string>()) });
            var after = await client.GetAsync("/api/v1/conversations");
            var disable = await client.PostAsJsonAsync("/api/v1/auth/2fa/disable", new { password = SecurityKit.Password });

            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.True((await login.Content.ReadFromJsonAsync<JsonObject>())!["twoFactorEnrollmentRequired"]!.GetValue<bool>());
            Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/v1/two-factor/policy", new { requiredRoles = Array.Empty<string>() })).EnsureSuccessStatusCode();
        }
    }
}

public sealed class SqliteTwoFactorTests(SqlitePrivacyApp app) : TwoFactorTests<SqlitePrivacyApp>(app);

public sealed class PostgresTwoFactorTests(PostgresPrivacyApp app) : TwoFactorTests<PostgresPrivacyApp>(app);
