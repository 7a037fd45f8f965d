using System.Text.Json.Nodes;
using Okno.Simulators.Waha;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Channels;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Waha;

/// <summary>A whatsapp_waha channel pointed at the stand-in, with its own session and HMAC key.</summary>
public sealed class WahaTestKit(OknoApp kitApp, JsonObject channel, string session, string hmacKey) : ChannelTestKit(kitApp, channel)
{
    public string Session => session;
    public string HmacKey => hmacKey;
    public WahaSimulator Sim => App.Sim.Waha;

    public static async Task<WahaTestKit> CreateAsync(OknoApp app)
    {
        var session = "s" + Guid.NewGuid().ToString("N")[..10];
        var hmacKey = "hmac-" + Guid.NewGuid().ToString("N");
        var channel = await app.CreateChannelAsync("whatsapp_waha", new JsonObject
        {
            ["session"] = session, ["apiKey"] = WahaSimulator.ApiKey, ["hmacKey"] = hmacKey, ["apiBaseUrl"] = app.Sim.Waha.BaseUrl,
        }, "WhatsApp (WAHA)");
        return new WahaTestKit(app, channel, session, hmacKey);
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject evt, string? keyOverride = null, string? signatureOverride = null) =>
        Inbox.SendAsync(App, WahaSimulator.WebhookRequest($"/webhooks/{ChannelId}", keyOverride ?? hmacKey, evt, signatureOverride));

    public IReadOnlyList<WahaSimulator.SentMessage> Sent() => Sim.Sent.Where(s => s.Session == session).ToList();
}
