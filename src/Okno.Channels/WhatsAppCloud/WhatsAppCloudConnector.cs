using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.WhatsAppCloud;

/// <summary>
/// WhatsApp Business Platform, Cloud API (Meta Graph API): webhooks signed with X-Hub-Signature-256 (HMAC-SHA256 of
/// the raw body with the app secret), a GET verification handshake, sends to /{version}/{phone-number-id}/messages.
/// https://developers.facebook.com/docs/whatsapp/cloud-api
/// </summary>
public sealed partial class WhatsAppCloudConnector(IHttpClientFactory http) : IChannelConnector
{
    public const string DefaultApiBaseUrl = "https://graph.facebook.com";
    public const string DefaultApiVersion = "v21.0";
    public const string SignatureHeader = "X-Hub-Signature-256";
    public const string HttpClientName = "whatsapp-cloud";

    public ChannelDescriptor Descriptor => WhatsAppCloudChannel.Descriptor;

    public IReadOnlyDictionary<string, string> ValidateSettings(JsonObject settings)
    {
        var errors = new Dictionary<string, string>();
        if (settings["phoneNumberId"] is JsonValue id && id.TryGetValue<string>(out var s) && s.Length > 0 && !s.All(char.IsAsciiDigit))
            errors["phoneNumberId"] = "Идентификатор номера (Phone number ID) состоит из цифр.";
        if (settings["apiVersion"] is { } v && (v is not JsonValue jv || !jv.TryGetValue<string>(out var ver) ||
            ver.Length < 2 || ver[0] != 'v' || !ver[1..].All(c => char.IsAsciiDigit(c) || c == '.')))
            errors["apiVersion"] = "Версия Graph API вида v21.0.";
        return errors;
    }

    private static string ApiBase(ChannelContext channel) =>
        $"{Settings.BaseUrl(channel.Setting("apiBaseUrl"), DefaultApiBaseUrl)}/{(channel.Setting("apiVersion") is { Length: > 0 } v ? v : DefaultApiVersion)}";

    private HttpClient Client(ChannelContext channel)
    {
        var client = http.CreateClient(HttpClientName);
        client.DefaultRequestHeaders.Authorization = new("Bearer", channel.RequiredSetting("accessToken"));
        return client;
    }
}
