using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Auth;

public abstract class AuthTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private async Task<(string Email, string Password, long Id)> CreateUserAsync(string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.local";
        const string password = "Password-123";
        using var client = App.Api();
        var response = await client.PostAsJsonAsync("/api/v1/users", new { email, name = "Тест " + role, role, password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (email, password, body!["id"]!.GetValue<long>());
    }

    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = App.CreateClient(new() { HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Okno-Request", "1"); // the CSRF guard's header, as the app's own scripts send it
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    [SkippableFact]
    public async Task Api_WithoutCredentials_401()
    {
        using var client = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/conversations")).StatusCode);
    }

    [SkippableFact]
    public async Task Api_WrongToken_401()
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "okno_wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/conversations")).StatusCode);
    }

    [SkippableFact]
    public async Task SignIn_CookieThenMe_ReturnsUser()
    {
        using var client = await SignedInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        var me = await client.GetFromJsonAsync<JsonObject>("/api/v1/auth/me");
        Assert.Equal("admin", me!["role"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task SignIn_FiveWrongPasswords_LockedOut()
    {
        var (email, password, _) = await CreateUserAsync("operator");
        using var client = App.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong" })).StatusCode);

        // Locked: even the right password gets the answer of a wrong one (no oracle for which accounts exist).
        var locked = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
    }

    [SkippableFact]
    public async Task Operator_CreatingChannel_403()
    {
        var (email, password, _) = await CreateUserAsync("operator");
        using var client = await SignedInAsync(email, password);
        var response = await client.PostAsJsonAsync("/api/v1/channels", new { kind = "telegram", name = "x", settings = new { botToken = "1:a", secretToken = "b" } });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [SkippableFact]
    public async Task Operator_SeesPhoneMasked_AdminSeesItWhole()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        await kit.PostAsync(App.Sim.Telegram.SharedContactUpdate(9001, "+7 916 700-45-67"));
        var conversation = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync("700-45-67"));
        var contactUrl = $"/api/v1/contacts/{conversation["contactId"]}";
        var (email, password, _) = await CreateUserAsync("operator");
        using var operatorClient = await SignedInAsync(email, password);

        var asOperator = await operatorClient.GetFromJsonAsync<JsonObject>(contactUrl);
        var asAdmin = await App.GetJsonAsync(contactUrl);

        Assert.Contains(asOperator!["identities"]!.AsArray(), i => i!["value"]!.GetValue<string>() == "+7 *** ***-45-67");
        Assert.DoesNotContain(asOperator["identities"]!.AsArray(), i => i!["value"]!.GetValue<string>() == "+79167004567");
        Assert.Contains(asAdmin["identities"]!.AsArray(), i => i!["value"]!.GetValue<string>() == "+79167004567");
    }

    [SkippableFact]
    public async Task Lawyer_SeesOnlyConversationsHandedToThem()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var text = "Для юриста " + Guid.NewGuid();
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(9002, text));
        var conversationId = (await kit.FindConversationAsync(text))!["id"]!.GetValue<long>();
        var (email, password, lawyerId) = await CreateUserAsync("lawyer");
        using var lawyer = await SignedInAsync(email, password);

        Assert.Equal(HttpStatusCode.NotFound, (await lawyer.GetAsync($"/api/v1/conversations/{conversationId}")).StatusCode);
        using var admin = App.Api();
        (await admin.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/assign", new { userId = lawyerId })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await lawyer.GetAsync($"/api/v1/conversations/{conversationId}")).StatusCode);
    }

    [SkippableFact]
    public async Task Users_InvalidRole_400ValidationProblem()
    {
        using var client = App.Api();
        var response = await client.PostAsJsonAsync("/api/v1/users", new { email = "x@test.local", name = "X", role = "king" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class AuthSqliteTests(SqliteOknoApp app) : AuthTests<SqliteOknoApp>(app);

public sealed class AuthPostgresTests(PostgresOknoApp app) : AuthTests<PostgresOknoApp>(app);
