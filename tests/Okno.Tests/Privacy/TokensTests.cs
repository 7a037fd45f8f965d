using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;
using Okno.Tests.Security;

namespace Okno.Tests.Privacy;

/// <summary>Issue 15.5: API tokens with scopes and expiry, listed and revocable, narrowed in the one access guard.</summary>
public abstract class TokensTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : PrivacyApp
{
    private async Task<JsonObject> CreateAsync(HttpClient by, object body)
    {
        var response = await by.PostAsJsonAsync("/api/v1/tokens", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private HttpClient With(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [SkippableFact]
    public async Task ReadToken_Reads_ButEveryChangeIs403()
    {
        var (_, contactId) = await PrivacyKit.ConversationAsync(App);
        using var admin = App.Api();
        var token = await CreateAsync(admin, new { name = "отчёты", scopes = new[] { "read" } });
        using var client = With(token["token"]!.GetValue<string>());

        var read = await client.GetAsync("/api/v1/conversations");
        var write = await client.PatchAsJsonAsync($"/api/v1/contacts/{contactId}", new { name = "Взлом" });
        var adminRead = await client.GetAsync("/api/v1/audit");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("write", await write.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, adminRead.StatusCode);
        Assert.Contains("admin", await adminRead.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["read"], token["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.StartsWith("okno_", token["token"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task WriteToken_Changes_AdminToken_ReachesAdminEndpoints()
    {
        var (_, contactId) = await PrivacyKit.ConversationAsync(App);
        using var admin = App.Api();
        using var writer = With((await CreateAsync(admin, new { name = "crm", scopes = new[] { "write" } }))["token"]!.GetValue<string>());
        using var boss = With((await CreateAsync(admin, new { name = "аудит", scopes = new[] { "admin" } }))["token"]!.GetValue<string>());

        var rename = await writer.PatchAsJsonAsync($"/api/v1/contacts/{contactId}", new { name = "Мария Петровна" });
        var widen = await writer.PostAsJsonAsync("/api/v1/tokens", new { name = "шире", scopes = new[] { "admin" } });
        var audit = await boss.GetAsync("/api/v1/audit");
        var hubWithoutScope = await writer.PostAsync("/hubs/inbox/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, widen.StatusCode);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, hubWithoutScope.StatusCode);
    }

    [SkippableFact]
    public async Task Token_ExpiresOnTheClock_AndRevokedStopsAtOnce()
    {
        using var admin = App.Api();
        var soon = await CreateAsync(admin, new { name = "на час", scopes = new[] { "read" }, expiresAt = App.Clock.GetUtcNow().AddHours(1) });
        var revoked = await CreateAsync(admin, new { name = "отзовём", scopes = new[] { "read" } });
        using var a = With(soon["token"]!.GetValue<string>());
        using var b = With(revoked["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/api/v1/auth/me")).StatusCode);

        App.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var delete = await admin.DeleteAsync($"/api/v1/tokens/{revoked["id"]}");
        var list = await admin.GetFromJsonAsync<JsonArray>("/api/v1/tokens");

        Assert.Equal(HttpStatusCode.Unauthorized, (await a.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await b.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.False(list!.Single(t => t!["id"]!.GetValue<long>() == soon["id"]!.GetValue<long>())!["active"]!.GetValue<bool>());
        Assert.NotNull(list!.Single(t => t!["id"]!.GetValue<long>() == revoked["id"]!.GetValue<long>())!["revokedAt"]);
        Assert.DoesNotContain(list!, t => t!.AsObject().ContainsKey("token") || t.AsObject().ContainsKey("hash"));
        var entries = await PrivacyKit.AuditAsync(App, "objectType=user");
        Assert.Contains(entries, e => e!["action"]!.GetValue<string>() == "token.revoke");
    }

    [SkippableFact]
    public async Task BadInput_ClearProblems_AndOthersTokensAreNotYours()
    {
        var (email, _) = await SecurityKit.CreateUserAsync(App, "operator");
        using var op = await SecurityKit.SignedInAsync(App, email);
        using var admin = App.Api();
        var adminToken = await CreateAsync(admin, new { name = "админский", scopes = new[] { "read" } });

        var noName = await op.PostAsJsonAsync("/api/v1/tokens", new { name = " ", scopes = new[] { "read" } });
        var unknown = await op.PostAsJsonAsync("/api/v1/tokens", new { name = "x", scopes = new[] { "everything" } });
        var none = await op.PostAsJsonAsync("/api/v1/tokens", new { name = "x", scopes = Array.Empty<string>() });
        var adminScope = await op.PostAsJsonAsync("/api/v1/tokens", new { name = "x", scopes = new[] { "admin" } });
        var past = await op.PostAsJsonAsync("/api/v1/tokens", new { name = "x", scopes = new[] { "read" }, expiresAt = App.Clock.GetUtcNow().AddMinutes(-1) });
        var mine = await CreateAsync(op, new { name = "свой", scopes = new[] { "read", "write" } });
        var list = await op.GetFromJsonAsync<JsonArray>("/api/v1/tokens");
        var revokeOthers = await op.DeleteAsync($"/api/v1/tokens/{adminToken["id"]}");

        foreach (var r in new[] { noName, unknown, none, adminScope, past }) Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("everything", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(App.Clock.GetUtcNow().AddDays(90), mine["expiresAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal([mine["id"]!.GetValue<long>()], list!.Select(t => t!["id"]!.GetValue<long>()));
        Assert.Equal(HttpStatusCode.NotFound, revokeOthers.StatusCode);
    }
}

public sealed class SqliteTokensTests(SqlitePrivacyApp app) : TokensTests<SqlitePrivacyApp>(app);

public sealed class PostgresTokensTests(PostgresPrivacyApp app) : TokensTests<PostgresPrivacyApp>(app);
