using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Vk;

/// <summary>
/// VK community messages: Callback API in (JSON POSTs with a "secret" body field, a "confirmation" handshake,
/// event_id for de-duplication) and messages.send out (form POST, random_id for idempotency).
/// https://dev.vk.com/ru/api/callback/getting-started, https://dev.vk.com/ru/method/messages.send
/// </summary>
public sealed partial class VkConnector(IHttpClientFactory http) : IChannelConnector
{
    public const string DefaultApiBaseUrl = "https://api.vk.com";
    /// <summary>Where VK serves photos, documents and voice messages.</summary>
    private static readonly string[] MediaHosts = ["vk.com", "vk.ru", "vk.me", "userapi.com", "vkuserphoto.ru", "vkuser.net", "vk-cdn.net", "vkuseraudio.net", "vkuservideo.net", "mycdn.me"];
    public const string DefaultApiVersion = "5.199";

    public ChannelDescriptor Descriptor => VkChannel.Descriptor;

    public IReadOnlyDictionary<string, string> ValidateSettings(JsonObject settings)
    {
        var errors = new Dictionary<string, string>();
        if (settings["groupId"] is { } g && (!long.TryParse(g.ToString(), out var id) || id <= 0))
            errors["groupId"] = "Числовой идентификатор сообщества (без минуса), например 214167102.";
        // VK allows letters and digits in the secret key, up to 50 characters.
        if (settings["secret"] is JsonValue v && v.TryGetValue<string>(out var secret) &&
            (secret.Length > 50 || secret.Any(c => !char.IsAsciiLetterOrDigit(c))))
            errors["secret"] = "Только латинские буквы и цифры, до 50 символов.";
        if (settings["apiVersion"] is { } ver && !System.Text.RegularExpressions.Regex.IsMatch(ver.ToString(), @"^5\.\d{1,3}$"))
            errors["apiVersion"] = "Версия API вида 5.199.";
        return errors;
    }

    private static string ApiBase(ChannelContext channel) => Settings.BaseUrl(channel.Setting("apiBaseUrl"), DefaultApiBaseUrl);

    private static string ApiVersion(ChannelContext channel) => channel.Setting("apiVersion") is { Length: > 0 } v ? v : DefaultApiVersion;

    private static string MethodUrl(ChannelContext channel, string method) => $"{ApiBase(channel)}/method/{method}";

    /// <summary>
    /// random_id from the outbox row: stable across retries of one send (VK then answers with the message sent
    /// the first time instead of sending again), distinct across sends. VK checks it over the community's whole
    /// history within int32, so ids run sequentially from an offset chosen by the channel account's random id —
    /// a reinstalled Okno on the same community does not replay old random_ids.
    /// </summary>
    public static int RandomIdFor(Guid channelId, long outboxId)
    {
        var salt = BitConverter.ToUInt32(channelId.ToByteArray(), 0) % int.MaxValue;
        return (int)((salt + (ulong)outboxId) % (int.MaxValue - 1)) + 1;
    }
}
