using System.Text.Json.Nodes;
using Okno.Simulators.GreenApi;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Channels;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.GreenApi;

/// <summary>A whatsapp_greenapi channel pointed at the stand-in, with its own instance id and tokens.</summary>
public sealed class GreenApiTestKit(OknoApp kitApp, JsonObject channel, string idInstance, string apiToken, string webhookToken) : ChannelTestKit(kitApp, channel)
{
    public string IdInstance => idInstance;
    public string ApiToken => apiToken;
    public string WebhookToken => webhookToken;
    public GreenApiSimulator Sim => App.Sim.GreenApi;

    public static async Task<GreenApiTestKit> CreateAsync(OknoApp app, int minIntervalMs = 500, int? statePollSeconds = null, string name = "WhatsApp (Green-API)")
    {
        var idInstance = "1101" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var apiToken = "d75b3a66374942c5b3c019c698abc2067e151558acbd412345";
        var webhookToken = "wh-" + Guid.NewGuid().ToString("N");
        var settings = new JsonObject
        {
            ["idInstance"] = idInstance, ["apiTokenInstance"] = apiToken, ["webhookToken"] = webhookToken,
            ["minIntervalMs"] = minIntervalMs, ["apiBaseUrl"] = app.Sim.GreenApi.BaseUrl,
        };
        if (statePollSeconds is { } poll) settings["statePollSeconds"] = poll;
        var channel = await app.CreateChannelAsync("whatsapp_greenapi", settings, name);
        return new GreenApiTestKit(app, channel, idInstance, apiToken, webhookToken);
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject notification, string? tokenOverride = null, bool noToken = false) =>
        Inbox.SendAsync(App, GreenApiSimulator.WebhookRequest($"/webhooks/{ChannelId}", noToken ? null : tokenOverride ?? webhookToken, notification));

    public JsonObject Text(string phone, string text) => Sim.IncomingText(idInstance, phone, text);

    public IReadOnlyList<GreenApiSimulator.SentMessage> Sent() => Sim.Sent.Where(s => s.IdInstance == idInstance).ToList();
}
