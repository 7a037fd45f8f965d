using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Telegram;

/// <summary>A Telegram channel pointed at the stand-in, and the calls tests make against it.</summary>
public sealed class TelegramTestKit(OknoApp app, JsonObject channel, string secret)
{
    public const string BotToken = "7000000001:AAE-test_token-abcdefghijklmnopqrst";

    public string ChannelId => channel["id"]!.GetValue<string>();
    public string Secret => secret;

    public static async Task<TelegramTestKit> CreateAsync(OknoApp app, string mode = "webhook")
    {
        var secret = "s3cret-" + Guid.NewGuid().ToString("N");
        var channel = await app.CreateChannelAsync("telegram", new JsonObject
        {
            ["botToken"] = BotToken, ["secretToken"] = secret, ["mode"] = mode, ["apiBaseUrl"] = app.Sim.UrlOf("telegram"),
        });
        return new TelegramTestKit(app, channel, secret);
    }

    public async Task<HttpResponseMessage> PostAsync(JsonObject update, string? secretOverride = null, bool omitSecret = false)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{ChannelId}") { Content = JsonContent.Create(update) };
        if (!omitSecret) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secretOverride ?? secret);
        return await client.SendAsync(request);
    }

    /// <summary>The conversation a contact's message landed in, found through the public API.</summary>
    public async Task<JsonObject?> FindConversationAsync(string textContains)
    {
        var page = await app.GetJsonAsync("/api/v1/conversations?limit=200");
        foreach (var item in page["items"]!.AsArray())
            if (item!["lastMessagePreview"]?.GetValue<string>()?.Contains(textContains, StringComparison.Ordinal) == true)
                return item.AsObject();
        return null;
    }

    public async Task<JsonArray> MessagesAsync(long conversationId) =>
        (await app.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages"))["items"]!.AsArray();
}
