using System.Net;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>
/// Issue 10.13: a same-site page can make the browser send body-less POSTs with the session cookie
/// (SameSite=Lax). Without the X-Okno-Request header such requests must change nothing.
/// </summary>
public abstract class CrossSiteRequestTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private async Task<long> ConversationAsync()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var text = "CSRF " + Guid.NewGuid();
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(9301, text));
        return (await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(text)))["id"]!.GetValue<long>();
    }

    [SkippableFact]
    public async Task Take_CookieWithoutHeader_403AndNotAssigned()
    {
        var id = await ConversationAsync();
        var (email, userId) = await SecurityKit.CreateUserAsync(App, "operator");
        using var browser = await SecurityKit.SignedInAsync(App, email, csrfHeader: false);

        var forged = await browser.PostAsync($"/api/v1/conversations/{id}/take", null);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.NotEqual(userId, (await App.GetJsonAsync($"/api/v1/conversations/{id}"))["assigneeId"]?.GetValue<long?>());
    }

    [SkippableFact]
    public async Task Take_CookieWithHeader_Assigned()
    {
        var id = await ConversationAsync();
        var (email, userId) = await SecurityKit.CreateUserAsync(App, "operator");
        using var app = await SecurityKit.SignedInAsync(App, email);

        var taken = await app.PostAsync($"/api/v1/conversations/{id}/take", null);

        Assert.True(taken.IsSuccessStatusCode, taken.StatusCode.ToString());
        Assert.Equal(userId, (await App.GetJsonAsync($"/api/v1/conversations/{id}"))["assigneeId"]!.GetValue<long>());
    }

    [SkippableFact]
    public async Task Logout_CookieWithoutHeader_403AndStillSignedIn()
    {
        var (email, _) = await SecurityKit.CreateUserAsync(App, "lawyer");
        using var browser = await SecurityKit.SignedInAsync(App, email, csrfHeader: false);

        var forged = await browser.PostAsync("/api/v1/auth/logout", null);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [SkippableFact]
    public async Task Take_BearerWithoutHeader_Allowed()
    {
        var id = await ConversationAsync();
        using var api = App.Api();

        var taken = await api.PostAsync($"/api/v1/conversations/{id}/take", null);

        Assert.True(taken.IsSuccessStatusCode, taken.StatusCode.ToString());
    }
}

public sealed class CrossSiteRequestSqliteTests(SqliteOknoApp app) : CrossSiteRequestTests<SqliteOknoApp>(app);

public sealed class CrossSiteRequestPostgresTests(PostgresOknoApp app) : CrossSiteRequestTests<PostgresOknoApp>(app);
