using System.Text.Json.Nodes;
using Okno.Simulators.WhatsAppCloud;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Channels;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.WhatsAppCloud;

/// <summary>A whatsapp_cloud channel pointed at the stand-in, with its own phone number id and secrets.</summary>
public sealed class WhatsAppCloudTestKit(OknoApp kitApp, JsonObject channel, string phoneNumberId, string appSecret, string verifyToken, string accessToken) : ChannelTestKit(kitApp, channel)
{
    public string PhoneNumberId => phoneNumberId;
    public string AppSecret => appSecret;
    public string VerifyToken => verifyToken;
    public string AccessToken => accessToken;
    public WhatsAppCloudSimulator Sim => App.Sim.WhatsAppCloud;
    public string WebhookPath => $"/webhooks/{ChannelId}";

    public static async Task<WhatsAppCloudTestKit> CreateAsync(OknoApp app, string name = "WhatsApp Cloud")
    {
        var phoneNumberId = "1065" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var secret = "app-secret-" + Guid.NewGuid().ToString("N");
        var verify = "verify-" + Guid.NewGuid().ToString("N");
        var token = "EAAG" + Guid.NewGuid().ToString("N");
        var channel = await app.CreateChannelAsync("whatsapp_cloud", new JsonObject
        {
            ["phoneNumberId"] = phoneNumberId, ["accessToken"] = token, ["appSecret"] = secret, ["verifyToken"] = verify,
            ["apiVersion"] = "v21.0", ["apiBaseUrl"] = app.Sim.WhatsAppCloud.BaseUrl,
        }, name);
        return new WhatsAppCloudTestKit(app, channel, phoneNumberId, secret, verify, token);
    }

    /// <summary>Posts a notification signed as Meta signs it (or with the given signature, or none).</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject notification, string? signatureOverride = null, bool unsigned = false) =>
        Inbox.SendAsync(App, WhatsAppCloudSimulator.WebhookRequest(WebhookPath, unsigned ? null : appSecret, notification, signatureOverride));

    public JsonObject Text(string phone, string text, DateTimeOffset? at = null) => Sim.TextMessage(phoneNumberId, phone, text, at: at);

    public IReadOnlyList<Okno.Simulators.RecordedCall> MessageCalls() =>
        Sim.CallsTo("messages").Where(c => c.Path.Contains("/" + phoneNumberId + "/", StringComparison.Ordinal)).ToList();
}
