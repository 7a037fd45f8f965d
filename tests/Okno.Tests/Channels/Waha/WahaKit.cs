using System.Text.Json.Nodes;
using Okno.Simulators.Waha;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Waha;

/// <summary>A whatsapp_waha channel pointed at the stand-in, with its own session and HMAC key.</summary>
public sealed class WahaKit(OknoApp app, JsonObject channel, string session, string hmacKey)
{
    public string ChannelId => channel["id"]!.GetValue<string>();
    public string Session => session;
    public string HmacKey => hmacKey;
    public WahaSimulator Sim => app.Sim.Waha;

    public static async Task<WahaKit> CreateAsync(OknoApp app)
    {
        var session = "s" + Guid.NewGuid().ToString("N")[..10];
        var hmacKey = "hmac-" + Guid.NewGuid().ToString("N");
        var channel = await app.CreateChannelAsync("whatsapp_waha", new JsonObject
        {
            ["session"] = session, ["apiKey"] = WahaSimulator.ApiKey, ["hmacKey"] = hmacKey, ["apiBaseUrl"] = app.Sim.Waha.BaseUrl,
        }, "WhatsApp (WAHA)");
        return new WahaKit(app, channel, session, hmacKey);
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject evt, string? keyOverride = null, string? signatureOverride = null) =>
        Inbox.SendAsync(app, WahaSimulator.WebhookRequest($"/webhooks/{ChannelId}", keyOverride ?? hmacKey, evt, signatureOverride));

    public IReadOnlyList<WahaSimulator.SentMessage> Sent() => Sim.Sent.Where(s => s.Session == session).ToList();
}
