using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Vk;

public sealed partial class VkConnector
{
    public const int MaxMessageLength = 9000;

    public async Task<DeliveryResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken ct)
    {
        // Files go through the platform's upload servers first; not built yet — said plainly, never silently dropped.
        if (message.Attachments.Count > 0)
            return DeliveryResult.Failed("Отправка файлов во ВКонтакте пока не поддерживается: отправьте текст отдельно.");
        var text = message.Text ?? "";
        if (text.Length > MaxMessageLength) return DeliveryResult.Failed($"ВКонтакте принимает до {MaxMessageLength} символов в сообщении.");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["access_token"] = channel.RequiredSetting("accessToken"),
            ["v"] = ApiVersion(channel),
            ["peer_id"] = message.Address,
            ["random_id"] = RandomIdFor(channel.Id, message.OutboxId).ToString(CultureInfo.InvariantCulture),
            ["message"] = text,
        });
        using var response = await http.CreateClient("vk").PostAsync(MethodUrl(channel, "messages.send"), form, ct);
        return await ReadSendResultAsync(response, ct);
    }

    /// <summary>VK answers HTTP 200 with {"response": message_id} or {"error": {"error_code", "error_msg"}}.</summary>
    private static async Task<DeliveryResult> ReadSendResultAsync(HttpResponseMessage response, CancellationToken ct)
    {
        JsonElement root;
        try { root = await response.Content.ReadFromJsonAsync<JsonElement>(ct); }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return DeliveryResult.Retry($"ВКонтакте ответил HTTP {(int)response.StatusCode} без JSON.");
        }

        if (root.Prop("response") is { ValueKind: JsonValueKind.Number } id) return DeliveryResult.Sent(id.GetRawText());
        if (root.Prop("error") is not { } error)
            return (int)response.StatusCode >= 500 ? DeliveryResult.Retry($"ВКонтакте временно недоступен ({(int)response.StatusCode}).")
                : DeliveryResult.Failed($"ВКонтакте ответил непонятно (HTTP {(int)response.StatusCode}).");
        return MapError(error.Long("error_code") ?? 0, error.Str("error_msg") ?? "");
    }

    /// <summary>Error codes from the VK API error list (errors.json of vk-api-schema).</summary>
    public static DeliveryResult MapError(long code, string description) => code switch
    {
        901 => DeliveryResult.Failed("Клиент не разрешил сообщения от сообщества ВКонтакте: ответить можно, когда он напишет снова.", recipientBlocked: true),
        902 => DeliveryResult.Failed("Клиент запретил сообщения настройками приватности ВКонтакте."),
        900 => DeliveryResult.Failed("Клиент добавил сообщество в чёрный список ВКонтакте.", recipientBlocked: true),
        6 => DeliveryResult.Retry("ВКонтакте: слишком много запросов в секунду.", TimeSpan.FromSeconds(2)),
        9 => DeliveryResult.Retry("ВКонтакте: сработал контроль флуда, повторим позже.", TimeSpan.FromSeconds(30)),
        29 => DeliveryResult.Retry("ВКонтакте: исчерпан лимит запросов, повторим позже.", TimeSpan.FromMinutes(10)),
        10 => DeliveryResult.Retry("ВКонтакте: внутренняя ошибка сервера, повторим."),
        5 or 27 or 28 => DeliveryResult.Failed("Ключ доступа сообщества ВКонтакте недействителен: обновите его в настройках канала.", ChannelStatus.NeedsAttention),
        7 or 15 => DeliveryResult.Failed("У ключа доступа нет права «Сообщения сообщества»: выдайте его в настройках сообщества.", ChannelStatus.NeedsAttention),
        914 => DeliveryResult.Failed("Сообщение слишком длинное для ВКонтакте."),
        _ => DeliveryResult.Failed($"ВКонтакте отказал в отправке: {code} {description}".TrimEnd()),
    };

    public async Task<MediaContent?> DownloadAsync(ChannelContext channel, string sourceRef, CancellationToken ct)
    {
        return await MediaFetcher.GetAsync(http, channel, sourceRef, ApiBase(channel), MediaHosts, null, "application/octet-stream", ct);
    }

    /// <summary>
    /// The callback server itself is added by the community admin in VK (address, secret, confirmation code);
    /// here the access token and community are checked with groups.getById.
    /// </summary>
    public async Task<SetupResult> SetUpAsync(ChannelContext channel, string webhookUrl, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["access_token"] = channel.RequiredSetting("accessToken"),
            ["v"] = ApiVersion(channel),
            ["group_id"] = channel.RequiredSetting("groupId"),
        });
        try
        {
            using var response = await http.CreateClient("vk").PostAsync(MethodUrl(channel, "groups.getById"), form, ct);
            var root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (root.Prop("error") is { } error)
                return SetupResult.Fail(MapError(error.Long("error_code") ?? 0, error.Str("error_msg") ?? "").Reason ?? "ВКонтакте отказал.");
            return root.Prop("response") is not null ? SetupResult.Ok() : SetupResult.Fail($"ВКонтакте: HTTP {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException)
        {
            return SetupResult.Fail("Нет связи с ВКонтакте: " + ex.GetType().Name);
        }
    }
}
