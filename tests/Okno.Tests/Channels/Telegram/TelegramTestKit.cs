using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Channels;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Telegram;

/// <summary>A Telegram channel pointed at the stand-in, and the calls tests make against it.</summary>
public sealed class TelegramTestKit(OknoApp kitApp, JsonObject channel, string secret) : ChannelTestKit(kitApp, channel)
{
    public const string BotToken = "7000000001:AAE-test_token-abcdefghijklmnopqrst";

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
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{ChannelId}") { Content = JsonContent.Create(update) };
        if (!omitSecret) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secretOverride ?? secret);
        return await client.SendAsync(request);
    }

    /// <summary>The conversation a contact's message landed in, found through the public API.</summary>

}
