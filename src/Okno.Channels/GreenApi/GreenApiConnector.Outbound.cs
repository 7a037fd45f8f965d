using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.GreenApi;

public sealed partial class GreenApiConnector
{
    /// <summary>sendMessage for text; sendFileByUrl (public URL) or sendFileByUpload for files; one send per number at a time, paced.</summary>
    public async Task<DeliveryResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(message.Text) && message.Attachments.Count == 0)
            return DeliveryResult.Failed(message.Template is null ? "Пустое сообщение."
                : "Шаблоны WhatsApp отправляются только через официальный канал WhatsApp Cloud API.");

        var chatId = WhatsAppIds.ChatId(message.Address);
        var client = http.CreateClient(HttpClientName);
        if (await RefuseWhileBlockedAsync(client, channel, ct) is { } refused) return refused;
        var attachments = message.Attachments.Where(a => a.PublicUrl is not null || a.Open is not null).ToList();
        string? firstId = null;
        if (attachments.Count == 0 || (message.Text?.Length ?? 0) > 1024)
        {
            var sent = await PacedAsync(channel, chatId, () => client.PostAsJsonAsync(MethodUrl(ApiBase(channel), channel, "sendMessage"),
                new JsonObject { ["chatId"] = chatId, ["message"] = message.Text }, ct), ct);
            if (sent.Outcome != DeliveryOutcome.Sent || attachments.Count == 0) return sent;
            firstId = sent.ExternalId;
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            var a = attachments[i];
            var caption = i == 0 && firstId is null ? message.Text : null; // the text rides as the first file's caption
            var sent = await PacedAsync(channel, chatId, async () =>
            {
                if (a.PublicUrl is { } url)
                {
                    var body = new JsonObject { ["chatId"] = chatId, ["urlFile"] = url, ["fileName"] = a.FileName };
                    if (!string.IsNullOrEmpty(caption)) body["caption"] = caption;
                    return await client.PostAsJsonAsync(MethodUrl(ApiBase(channel), channel, "sendFileByUrl"), body, ct);
                }
                var stream = await a.Open!(ct);
                using var form = new MultipartFormDataContent { { new StringContent(chatId), "chatId" }, { new StringContent(a.FileName), "fileName" } };
                if (!string.IsNullOrEmpty(caption)) form.Add(new StringContent(caption), "caption");
                var file = new StreamContent(stream);
                file.Headers.ContentType = new(a.ContentType);
                form.Add(file, "file", a.FileName);
                return await client.PostAsync(MethodUrl(MediaBase(channel), channel, "sendFileByUpload"), form, ct);
            }, ct);
            if (sent.Outcome != DeliveryOutcome.Sent) return sent;
            firstId ??= sent.ExternalId;
        }
        return DeliveryResult.Sent(firstId);
    }

    private async Task<DeliveryResult> PacedAsync(ChannelContext channel, string chatId, Func<Task<HttpResponseMessage>> call, CancellationToken ct)
    {
        if (await pace.WaitTurnAsync(channel.Id, MinInterval(channel), ct) is { } later)
            return DeliveryResult.Retry("Соблюдаем интервал между сообщениями с этого номера.", later);
        using var response = await call();
        var result = await ReadResultAsync(response, chatId, ct);
        _recent.Add(result.ExternalId);
        return result;
    }

    /// <summary>200 {"idMessage":…}; 400 validation; 401/403 wrong instance or token; 429 too many requests; 466 plan quota.</summary>
    private static async Task<DeliveryResult> ReadResultAsync(HttpResponseMessage response, string chatId, CancellationToken ct)
    {
        var code = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.IsSuccessStatusCode)
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.Str("idMessage") is { } id) return DeliveryResult.Sent(ExternalId(chatId, id));
            }
            catch (JsonException) { }
            return DeliveryResult.Retry("Green-API не вернул идентификатор сообщения.");
        }
        var detail = text.Length > 200 ? text[..200] : text;
        return code switch
        {
            429 => DeliveryResult.Retry("Green-API просит отправлять реже.", response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5)),
            401 or 403 => DeliveryResult.Failed("Green-API не принял idInstance или apiTokenInstance: проверьте настройки канала.", ChannelStatus.NeedsAttention),
            466 => DeliveryResult.Failed("Исчерпан лимит тарифа Green-API: сообщение не отправлено.", ChannelStatus.NeedsAttention),
            400 => DeliveryResult.Failed("Green-API отклонил сообщение: " + detail),
            >= 500 => DeliveryResult.Retry($"Green-API временно недоступен ({code})."),
            _ when response.StatusCode == HttpStatusCode.RequestTimeout => DeliveryResult.Retry("Green-API не ответил вовремя."),
            _ => DeliveryResult.Failed($"Green-API: HTTP {code} {detail}"),
        };
    }

    /// <summary>Files of inbound messages are links on Green-API's storage (downloadUrl), fetched as they are.</summary>
    public async Task<MediaContent?> DownloadAsync(ChannelContext channel, string sourceRef, CancellationToken ct)
    {
        // downloadUrl: Green-API's storage (sw-media-….storage.yandexcloud.net, ….api.green-api.com) or the API host.
        return await MediaFetcher.GetAsync(http, channel, sourceRef, ApiBase(channel), MediaHosts, null, "application/octet-stream", ct);
    }

    /// <summary>SetSettings: our webhook URL with its token and every notification type we read; then the state.</summary>
    public async Task<SetupResult> SetUpAsync(ChannelContext channel, string webhookUrl, CancellationToken ct)
    {
        var client = http.CreateClient(HttpClientName);
        var settings = new JsonObject
        {
            ["webhookUrl"] = webhookUrl,
            ["webhookUrlToken"] = channel.Setting("webhookToken"),
            ["incomingWebhook"] = "yes",
            ["outgoingWebhook"] = "yes",
            ["outgoingMessageWebhook"] = "yes",
            ["outgoingAPIMessageWebhook"] = "yes",
            ["stateWebhook"] = "yes",
        };
        try
        {
            using var response = await client.PostAsJsonAsync(MethodUrl(ApiBase(channel), channel, "setSettings"), settings, ct);
            if (!response.IsSuccessStatusCode)
                return SetupResult.Fail(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    ? "Green-API не принял idInstance или apiTokenInstance." : $"Green-API: HTTP {(int)response.StatusCode}");
            var (status, reason) = await GetStateAsync(client, channel, ct);
            return status == ChannelStatus.Connected ? SetupResult.Ok() : SetupResult.Fail(reason ?? "Green-API: неизвестное состояние инстанса.");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException)
        {
            return SetupResult.Fail("Нет связи с Green-API: " + ex.GetType().Name);
        }
    }

    private async Task<(ChannelStatus? Status, string? Reason)> GetStateAsync(HttpClient client, ChannelContext channel, CancellationToken ct)
    {
        using var response = await client.GetAsync(MethodUrl(ApiBase(channel), channel, "getStateInstance"), ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            return (ChannelStatus.NeedsAttention, "Green-API не принял idInstance или apiTokenInstance: проверьте настройки канала.");
        if (!response.IsSuccessStatusCode) return (null, null);
        var root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        RememberState(channel.Id, root.Str("stateInstance"));
        return MapState(root.Str("stateInstance"));
    }
}
