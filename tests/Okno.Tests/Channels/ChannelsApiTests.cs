using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels;

public abstract class ChannelsApiTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Create_Telegram_201WithWebhookUrlAndSecretsMasked()
    {
        var channel = await App.CreateChannelAsync("telegram", new JsonObject
        {
            ["botToken"] = "7000000001:AAE-very-secret-token-value", ["secretToken"] = "webhook-secret-value", ["apiBaseUrl"] = App.Sim.UrlOf("telegram"),
        });

        Assert.Equal("telegram", channel["kind"]!.GetValue<string>());
        Assert.Equal("connected", channel["status"]!.GetValue<string>());
        Assert.Equal($"http://okno.test/webhooks/{channel["id"]}", channel["webhookUrl"]!.GetValue<string>());
        Assert.DoesNotContain("very-secret", channel.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("webhook-secret-value", channel.ToJsonString(), StringComparison.Ordinal);
        var setWebhook = Assert.Single(App.Sim.Telegram.CallsTo("setWebhook"), c => c.Body["url"]?.GetValue<string>() == channel["webhookUrl"]!.GetValue<string>());
        Assert.Equal("webhook-secret-value", setWebhook.Body["secret_token"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Create_UnknownKind_400()
    {
        using var client = App.Api();
        var response = await client.PostAsJsonAsync("/api/v1/channels", new { kind = "icq", name = "x", settings = new { } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kind", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Create_MissingBotToken_400NamesTheSetting()
    {
        using var client = App.Api();
        var response = await client.PostAsJsonAsync("/api/v1/channels", new { kind = "telegram", name = "x", settings = new { secretToken = "abc" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("settings.botToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Create_MalformedJson_400ProblemDetails()
    {
        using var client = App.Api();
        var response = await client.PostAsync("/api/v1/channels", new StringContent("{\"kind\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Delete_ThenWebhook_404AndListWithoutIt()
    {
        var channel = await App.CreateChannelAsync("telegram", new JsonObject { ["botToken"] = "1:abc", ["secretToken"] = "s", ["apiBaseUrl"] = App.Sim.UrlOf("telegram") });
        using var client = App.Api();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/channels/{channel["id"]}")).StatusCode);

        var webhook = await client.PostAsync($"/webhooks/{channel["id"]}", JsonContent.Create(new { update_id = 1 }));
        Assert.Equal(HttpStatusCode.NotFound, webhook.StatusCode);
        var list = await client.GetFromJsonAsync<JsonArray>("/api/v1/channels");
        Assert.DoesNotContain(list!, c => c!["id"]!.GetValue<string>() == channel["id"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task OpenApi_Document_ListsTheFixedRoutes()
    {
        using var client = App.Api();
        var doc = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/conversations/{id}/messages", doc, StringComparison.Ordinal);
        Assert.Contains("/api/v1/contacts/{id}/merge", doc, StringComparison.Ordinal);
        Assert.Contains("/api/v1/channels", doc, StringComparison.Ordinal);
    }
}

public sealed class ChannelsApiSqliteTests(SqliteOknoApp app) : ChannelsApiTests<SqliteOknoApp>(app);

public sealed class ChannelsApiPostgresTests(PostgresOknoApp app) : ChannelsApiTests<PostgresOknoApp>(app);
