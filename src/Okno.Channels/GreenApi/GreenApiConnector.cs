using System.Globalization;
using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.GreenApi;

/// <summary>
/// Green-API (green-api.com), an unofficial WhatsApp gateway for an ordinary ("grey") number: webhooks carry
/// Authorization: Bearer &lt;webhookUrlToken&gt;; sends go to /waInstance{id}/{method}/{token}; the instance state is
/// also polled (getStateInstance) because a state webhook can be missed. https://green-api.com/en/docs/
/// </summary>
public sealed partial class GreenApiConnector(IHttpClientFactory http, GreenApiPace pace, TimeProvider clock) : IChannelConnector, IPollingConnector
{
    private readonly RecentSends _recent = new(clock);

    public const string DefaultApiBaseUrl = "https://api.green-api.com";
    private static readonly string[] MediaHosts = ["green-api.com", "storage.yandexcloud.net"];
    public const string DefaultMediaUrl = "https://media.green-api.com";
    public const string HttpClientName = "whatsapp-greenapi";
    public const int DefaultMinIntervalMs = 3000;
    /// <summary>Green-API's own floor for the pace of sends from one number.</summary>
    public const int FloorMinIntervalMs = 500;
    public const int DefaultStatePollSeconds = 60;

    public ChannelDescriptor Descriptor => GreenApiChannel.Descriptor;

    public IReadOnlyDictionary<string, string> ValidateSettings(JsonObject settings)
    {
        var errors = new Dictionary<string, string>();
        if (settings["idInstance"] is JsonValue id && id.ToString() is { Length: > 0 } s && !s.All(char.IsAsciiDigit))
            errors["idInstance"] = "idInstance состоит из цифр.";
        if (settings["minIntervalMs"] is { } interval && (ReadInt(interval) is not { } ms || ms < FloorMinIntervalMs || ms > 600_000))
            errors["minIntervalMs"] = $"Интервал между сообщениями: от {FloorMinIntervalMs} до 600000 мс.";
        if (settings["statePollSeconds"] is { } poll && (ReadInt(poll) is not { } sec || sec < 1 || sec > 3600))
            errors["statePollSeconds"] = "Период проверки состояния: от 1 до 3600 секунд.";
        return errors;
    }

    private static int? ReadInt(JsonNode node) => node is JsonValue v && (v.TryGetValue<int>(out var i) ||
        (v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out i))) ? i : null;

    private static string ApiBase(ChannelContext channel) => Settings.BaseUrl(channel.Setting("apiBaseUrl"), DefaultApiBaseUrl);

    /// <summary>Uploads go to the media host; a configured apiBaseUrl (a per-instance host, a stand-in) serves both.</summary>
    private static string MediaBase(ChannelContext channel) => channel.Setting("mediaUrl") is { Length: > 0 } media ? media.TrimEnd('/')
        : channel.Setting("apiBaseUrl") is { Length: > 0 } api ? api.TrimEnd('/') : DefaultMediaUrl;

    private static string MethodUrl(string baseUrl, ChannelContext channel, string method) =>
        $"{baseUrl}/waInstance{channel.RequiredSetting("idInstance")}/{method}/{channel.RequiredSetting("apiTokenInstance")}";

    public static TimeSpan MinInterval(ChannelContext channel) => TimeSpan.FromMilliseconds(Math.Max(FloorMinIntervalMs,
        channel.Settings["minIntervalMs"] is { } n && ReadInt(n) is { } ms ? ms : DefaultMinIntervalMs));

    private static TimeSpan StatePollInterval(ChannelContext channel) => TimeSpan.FromSeconds(
        channel.Settings["statePollSeconds"] is { } n && ReadInt(n) is { } s && s >= 1 ? s : DefaultStatePollSeconds);
}
