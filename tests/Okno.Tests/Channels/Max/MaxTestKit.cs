using System.Text.Json.Nodes;
using Okno.Simulators.Max;
using Okno.Tests.Channels;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Max;

/// <summary>A bot in the MAX stand-in, an Okno channel for it, and the calls tests make against both.</summary>
public sealed class MaxTestKit(OknoApp kitApp, JsonObject channel, string token, string secret) : ChannelTestKit(kitApp, channel)
{
    public string Token => token;
    public string Secret => secret;
    public MaxSimulator Sim => App.Sim.Max;

    public static async Task<MaxTestKit> CreateAsync(OknoApp app)
    {
        var token = "f9LHodD0cOI" + Guid.NewGuid().ToString("N");
        var secret = "abc-" + Guid.NewGuid().ToString("N");
        app.Sim.Max.AddBot(555_000_111, token);
        var channel = await app.CreateChannelAsync("max", new JsonObject
        {
            ["accessToken"] = token, ["webhookSecret"] = secret, ["apiBaseUrl"] = app.Sim.UrlOf("max"),
        });
        return new MaxTestKit(app, channel, token, secret);
    }

    /// <summary>Posts an update to our webhook as MAX does (the secret header), or forged.</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject update, string? secretOverride = null, bool omitSecret = false)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{ChannelId}") { Content = System.Net.Http.Json.JsonContent.Create(update) };
        if (!omitSecret) request.Headers.Add(MaxSimulator.SecretHeader, secretOverride ?? secret);
        return await client.SendAsync(request);
    }

}
