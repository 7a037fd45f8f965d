using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Avito;

/// <summary>
/// Avito Messenger API (https://developers.avito.ru/api-catalog/messenger): OAuth client credentials, webhook v3
/// for inbound messages, v1 methods to send. Avito does not sign webhooks, so the webhook URL carries a per-channel
/// token derived from the client secret — HMAC-SHA256(clientSecret, "okno-avito-webhook:" + channelId) —
/// and every inbound message is read back through the API before it is trusted.
/// </summary>
public sealed partial class AvitoConnector(IHttpClientFactory http, AvitoTokens tokens) : IChannelConnector
{
    public const string DefaultApiBaseUrl = "https://api.avito.ru";
    private static readonly string[] MediaHosts = ["avito.st", "avito.ru", "avito.net"];
    public const int MaxTextLength = 1000;

    public ChannelDescriptor Descriptor => AvitoChannel.Descriptor;

    public IReadOnlyDictionary<string, string> ValidateSettings(JsonObject settings)
    {
        var errors = new Dictionary<string, string>();
        if (settings["pollSeconds"] is { } poll && !(poll is JsonValue pv && pv.TryGetValue<int>(out var seconds) && seconds is >= 1 and <= 3600))
            errors["pollSeconds"] = "Число секунд от 1 до 3600.";
        var userId = settings["userId"] switch
        {
            JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => null,
        };
        if (userId is null || !long.TryParse(userId, out var id) || id <= 0)
            errors["userId"] = "Номер профиля Avito (user_id) — число, см. GET /core/v1/accounts/self.";
        return errors;
    }

    internal static string ApiBase(ChannelContext channel) => Settings.BaseUrl(channel.Setting("apiBaseUrl"), DefaultApiBaseUrl);

    private static string UserId(ChannelContext channel) => channel.RequiredSetting("userId");

    /// <summary>The secret last segment of this channel's webhook URL (/webhooks/{channelId}/{token}).</summary>
    public static string WebhookToken(ChannelContext channel)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(channel.RequiredSetting("clientSecret")),
            Encoding.UTF8.GetBytes("okno-avito-webhook:" + channel.Id.ToString("D")));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Calls the API with the channel's token; on 401 gets a new token and tries once more.</summary>
    private async Task<HttpResponseMessage> CallAsync(ChannelContext channel, Func<HttpRequestMessage> build, CancellationToken ct)
    {
        var client = http.CreateClient("avito");
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.GetAsync(channel, ct);
            using var request = build();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await client.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.Unauthorized || attempt > 0) return response;
            response.Dispose();
            tokens.Invalidate(channel, token);
        }
    }
}
