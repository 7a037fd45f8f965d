using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Simulators.Vk;
using Okno.Tests.Channels;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Vk;

/// <summary>A VK community in the stand-in, an Okno channel for it, and the calls tests make against both.</summary>
public sealed class VkTestKit(OknoApp kitApp, JsonObject channel, long groupId, string token, string secret, string code) : ChannelTestKit(kitApp, channel)
{
    private static long _nextGroup = 214_000_000 + Random.Shared.Next(0, 1_000_000) * 10;

    public long GroupId => groupId;
    public string Token => token;
    public string Secret => secret;
    public string ConfirmationCode => code;
    public VkSimulator Sim => App.Sim.Vk;

    public static async Task<VkTestKit> CreateAsync(OknoApp app)
    {
        var groupId = Interlocked.Increment(ref _nextGroup);
        var token = "vk1.a." + Guid.NewGuid().ToString("N");
        var secret = "s3cr3t" + Guid.NewGuid().ToString("N")[..12];
        var code = Guid.NewGuid().ToString("N")[..8];
        app.Sim.Vk.AddCommunity(groupId, token, secret, code);
        var channel = await app.CreateChannelAsync("vk", new JsonObject
        {
            ["groupId"] = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["accessToken"] = token, ["secret"] = secret, ["confirmationCode"] = code, ["apiBaseUrl"] = app.Sim.UrlOf("vk"),
        });
        return new VkTestKit(app, channel, groupId, token, secret, code);
    }

    public async Task<HttpResponseMessage> PostAsync(JsonObject @event)
    {
        using var client = App.CreateClient();
        return await client.PostAsJsonAsync($"/webhooks/{ChannelId}", @event);
    }

}
