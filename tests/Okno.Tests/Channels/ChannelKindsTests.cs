using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels;

/// <summary>Each channel kind describes itself; the descriptor's schema is the one the API checks settings against.</summary>
public abstract class ChannelKindsTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    /// <summary>The stand-in of each kind that talks to an HTTP API (e-mail and the site chat have none).</summary>
    private static readonly Dictionary<string, string> StandIns = new()
    {
        ["telegram"] = "telegram", ["whatsapp_cloud"] = "whatsapp-cloud", ["whatsapp_greenapi"] = "greenapi", ["whatsapp_waha"] = "waha",
        ["vk"] = "vk", ["max"] = "max", ["avito"] = "avito",
    };

    private async Task<JsonArray> KindsAsync()
    {
        var body = await App.GetJsonAsync("/api/v1/channel-kinds");
        return body["items"]!.AsArray();
    }

    [SkippableFact]
    public async Task ChannelKinds_Get_ListsEveryKindWithSchemaAndCapabilities()
    {
        var kinds = await KindsAsync();

        Assert.Equal(["telegram", "whatsapp_cloud", "whatsapp_greenapi", "whatsapp_waha", "vk", "max", "email", "webchat", "avito"],
            kinds.Select(k => k!["kind"]!.GetValue<string>()));
        foreach (var k in kinds)
        {
            Assert.False(string.IsNullOrWhiteSpace(k!["title"]!.GetValue<string>()));
            var settings = k["settings"]!.AsArray();
            Assert.NotEmpty(settings);
            Assert.All(settings, s => Assert.Contains(s!["type"]!.GetValue<string>(), new[] { "string", "number", "boolean", "url", "list" }));
            Assert.All(settings, s => Assert.NotNull(s!["example"]));
            var caps = k["capabilities"]!.AsObject();
            foreach (var name in new[] { "textLimit", "filesOut", "templates", "replyWindow", "buttons" }) Assert.True(caps.ContainsKey(name), name);
        }
        var max = kinds.Single(k => k!["kind"]!.GetValue<string>() == "max")!;
        Assert.Equal(4000, max["capabilities"]!["textLimit"]!.GetValue<int>());
        Assert.False(max["capabilities"]!["filesOut"]!.GetValue<bool>());
        var cloud = kinds.Single(k => k!["kind"]!.GetValue<string>() == "whatsapp_cloud")!;
        Assert.Equal(24 * 3600, cloud["capabilities"]!["replyWindow"]!.GetValue<long>());
    }

    /// <summary>The old admin template offered botToken for MAX, secretKey for VK, baseUrl for WAHA, password for e-mail.</summary>
    [SkippableTheory]
    [InlineData("max", "accessToken", "webhookSecret")]
    [InlineData("vk", "secret", "confirmationCode")]
    [InlineData("whatsapp_waha", "apiBaseUrl", "hmacKey")]
    [InlineData("email", "imapUser", "imapPassword")]
    public async Task ChannelKinds_Schema_NamesTheSettingsTheConnectorWants(string kind, string first, string second)
    {
        var schema = (await KindsAsync()).Single(k => k!["kind"]!.GetValue<string>() == kind)!["settings"]!.AsArray()
            .Select(s => s!["name"]!.GetValue<string>()).ToList();
        using var client = App.Api();
        var response = await client.PostAsJsonAsync("/api/v1/channels", new { kind, name = "x", settings = new { } });
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key["settings.".Length..]).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(first, errors);
        Assert.Contains(second, errors);
        Assert.All(errors, e => Assert.Contains(e, schema));
    }

    [SkippableFact]
    public async Task Create_EveryKindWithExampleValues_201()
    {
        foreach (var k in await KindsAsync())
        {
            var kind = k!["kind"]!.GetValue<string>();
            var settings = new JsonObject();
            foreach (var s in k["settings"]!.AsArray()) settings[s!["name"]!.GetValue<string>()] = s["example"]!.DeepClone();
            if (StandIns.TryGetValue(kind, out var prefix)) settings["apiBaseUrl"] = App.Sim.UrlOf(prefix);
            if (kind == "whatsapp_greenapi") settings["mediaUrl"] = App.Sim.UrlOf("greenapi");
            if (kind == "email")
            {
                // A closed loopback port: set-up fails at once and says so in the status; the channel is still created.
                settings["imapHost"] = "127.0.0.1";
                settings["smtpHost"] = "127.0.0.1";
                settings["imapPort"] = 9;
                settings["smtpPort"] = 9;
            }

            var channel = await App.CreateChannelAsync(kind, settings, kind + " from examples");

            Assert.Equal(kind, channel["kind"]!.GetValue<string>());
        }
    }

    [SkippableTheory]
    [InlineData(214167102L)]
    [InlineData("214167102")]
    public async Task Create_VkGroupIdAsNumberOrString_201(object groupId)
    {
        var settings = new JsonObject
        {
            ["groupId"] = groupId is long l ? JsonValue.Create(l) : JsonValue.Create((string)groupId),
            ["accessToken"] = "vk1.a.token", ["confirmationCode"] = "abc123", ["secret"] = "oknoSecret1", ["apiBaseUrl"] = App.Sim.UrlOf("vk"),
        };

        var channel = await App.CreateChannelAsync("vk", settings);

        Assert.Equal(214167102, channel["settings"]!["groupId"]!.GetValue<long>());
    }

    [SkippableFact]
    public async Task Create_MaxWithoutToken_400MessageNamesTheField()
    {
        using var client = App.Api();
        var response = await client.PostAsJsonAsync("/api/v1/channels", new { kind = "max", name = "x", settings = new { webhookSecret = "okno-max-1" } });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Обязательная настройка: accessToken", body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Create_NumberSettingNotANumber_400NamesTheField()
    {
        using var client = App.Api();
        var response = await client.PostAsJsonAsync("/api/v1/channels", new
        {
            kind = "vk", name = "x", settings = new { groupId = "сообщество", accessToken = "t", confirmationCode = "c", secret = "s1" },
        });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("groupId: нужно число", body, StringComparison.Ordinal);
    }
}

public sealed class ChannelKindsSqliteTests(SqliteOknoApp app) : ChannelKindsTests<SqliteOknoApp>(app);

public sealed class ChannelKindsPostgresTests(PostgresOknoApp app) : ChannelKindsTests<PostgresOknoApp>(app);
