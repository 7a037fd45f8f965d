using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Waha;

/// <summary>
/// WAHA (devlikeapro/waha), a self-hosted WhatsApp HTTP API: webhooks signed with X-Webhook-Hmac (HMAC-SHA512 hex of
/// the raw body); calls authenticated with X-Api-Key. https://waha.devlike.pro/docs/
/// </summary>
public sealed partial class WahaConnector(IHttpClientFactory http, TimeProvider clock) : IChannelConnector
{
    private readonly RecentSends _recent = new(clock);

    public const string DefaultApiBaseUrl = "http://localhost:3000";
    public const string HmacHeader = "X-Webhook-Hmac";
    public const string HmacAlgorithmHeader = "X-Webhook-Hmac-Algorithm";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string HttpClientName = "whatsapp-waha";

    public ChannelDescriptor Descriptor => WahaChannel.Descriptor;

    public IReadOnlyDictionary<string, string> ValidateSettings(JsonObject settings)
    {
        var errors = new Dictionary<string, string>();
        if (settings["session"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 &&
            !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            errors["session"] = "Имя сессии: латинские буквы, цифры, _ и -.";
        return errors;
    }

    private static string ApiBase(ChannelContext channel) => Settings.BaseUrl(channel.Setting("apiBaseUrl"), DefaultApiBaseUrl);

    private HttpClient Client(ChannelContext channel)
    {
        var client = http.CreateClient(HttpClientName);
        client.DefaultRequestHeaders.Add(ApiKeyHeader, channel.RequiredSetting("apiKey"));
        return client;
    }
}
