using System.Net;
using System.Text;
using Okno.Tests.Channels.WebChat;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>Issue 10.19: anonymous endpoints parsed JSON bodies up to the server-wide 32 MB.</summary>
public sealed class OversizedAnonymousBodyTests(SqliteOknoApp app) : OknoTest<SqliteOknoApp>(app)
{
    private static StringContent Json(int bytes) =>
        new("{\"email\":\"a@b.c\",\"password\":\"" + new string('x', bytes) + "\"}", Encoding.UTF8, "application/json");

    [SkippableFact]
    public async Task Login_TwoHundredKilobytes_413Problem()
    {
        using var client = App.CreateClient();

        var answer = await client.PostAsync("/api/v1/auth/login", Json(200 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task WidgetSession_TwoHundredKilobytes_413Problem()
    {
        var kit = await WebChatTestKit.CreateAsync(App);

        var answer = await kit.SendAsync(HttpMethod.Post, "/session", Json(200 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Login_SmallBody_StillRead()
    {
        using var client = App.CreateClient();

        var answer = await client.PostAsync("/api/v1/auth/login", Json(100));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }
}
