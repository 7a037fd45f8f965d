using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Avito;

public sealed partial class AvitoConnector
{
    private string ChatUrl(ChannelContext channel, string chatId) =>
        $"{ApiBase(channel)}/messenger/v1/accounts/{Uri.EscapeDataString(UserId(channel))}/chats/{Uri.EscapeDataString(chatId)}";

    /// <summary>Text: POST …/chats/{chat_id}/messages; an image: uploadImages, then …/messages/image. Then the chat is marked read.</summary>
    public async Task<DeliveryResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken ct)
    {
        if (message.Text is { Length: > MaxTextLength }) return DeliveryResult.Failed($"Avito принимает сообщения до {MaxTextLength} символов.");
        if (message.Attachments.Any(a => !a.ContentType.StartsWith("image/", StringComparison.Ordinal)))
            return DeliveryResult.Failed("Через Avito можно отправить только изображения.");
        try
        {
            string? lastId = null;
            foreach (var attachment in message.Attachments.Where(a => a.Open is not null))
            {
                var imageId = await UploadImageAsync(channel, attachment, ct);
                if (imageId.Result is { } failed) return failed;
                var sent = await PostAsync(channel, ChatUrl(channel, message.Address) + "/messages/image", new JsonObject { ["image_id"] = imageId.Id }, ct);
                if (sent.Outcome != DeliveryOutcome.Sent) return sent;
                lastId = sent.ExternalId;
            }
            if (!string.IsNullOrWhiteSpace(message.Text))
            {
                var body = new JsonObject { ["message"] = new JsonObject { ["text"] = message.Text }, ["type"] = "text" };
                var sent = await PostAsync(channel, ChatUrl(channel, message.Address) + "/messages", body, ct);
                if (sent.Outcome != DeliveryOutcome.Sent) return sent;
                lastId = sent.ExternalId;
            }
            if (lastId is null) return DeliveryResult.Failed("Пустое сообщение.");
            await MarkReadAsync(channel, message.Address, ct);
            return DeliveryResult.Sent(lastId);
        }
        catch (AvitoAuthException ex)
        {
            return ex.Transient ? DeliveryResult.Retry(ex.Message) : DeliveryResult.Failed(ex.Message, ChannelStatus.NeedsAttention);
        }
    }

    /// <summary>POST …/chats/{chat_id}/read: the client's messages are read (we answered them). Best effort.</summary>
    private async Task MarkReadAsync(ChannelContext channel, string chatId, CancellationToken ct)
    {
        try
        {
            using var response = await CallAsync(channel, () => new HttpRequestMessage(HttpMethod.Post, ChatUrl(channel, chatId) + "/read"), ct);
        }
        catch (HttpRequestException)
        {
            // The reply is sent; an unread mark in Avito's app is not worth a resend.
        }
    }

    private async Task<(string? Id, DeliveryResult? Result)> UploadImageAsync(ChannelContext channel, OutboundAttachment attachment, CancellationToken ct)
    {
        await using var stream = await attachment.Open!(ct);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var url = $"{ApiBase(channel)}/messenger/v1/accounts/{Uri.EscapeDataString(UserId(channel))}/uploadImages";
        using var response = await CallAsync(channel, () =>
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new(attachment.ContentType);
            return new HttpRequestMessage(HttpMethod.Post, url) { Content = new MultipartFormDataContent { { file, "uploadfile[]", attachment.FileName } } };
        }, ct);
        if (!response.IsSuccessStatusCode) return (null, await FailureAsync(response, ct));
        var root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        // {"<image_id>": {"1280x960": "https://…", …}}
        var id = root.ValueKind == JsonValueKind.Object ? root.EnumerateObject().Select(p => p.Name).FirstOrDefault() : null;
        return id is null ? (null, DeliveryResult.Retry("Avito не вернул id загруженного изображения.")) : (id, null);
    }

    private async Task<DeliveryResult> PostAsync(ChannelContext channel, string url, JsonObject body, CancellationToken ct)
    {
        using var response = await CallAsync(channel, () => new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) }, ct);
        if (!response.IsSuccessStatusCode) return await FailureAsync(response, ct);
        try
        {
            var root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            return root.Str("id") is { } id ? DeliveryResult.Sent(id) : DeliveryResult.Retry("Avito ответил без id сообщения.");
        }
        catch (JsonException)
        {
            return DeliveryResult.Retry("Avito ответил без JSON.");
        }
    }

    private static async Task<DeliveryResult> FailureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var code = (int)response.StatusCode;
        var detail = "";
        try { detail = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).Prop("error")?.Str("message") ?? ""; }
        catch (JsonException) { }
        return code switch
        {
            401 => DeliveryResult.Failed("Avito не принимает токен: проверьте client_id и client_secret канала.", ChannelStatus.NeedsAttention),
            403 => DeliveryResult.Failed("Avito запретил отправку в этот чат. " + detail),
            404 => DeliveryResult.Failed("Чат Avito не найден (удалён или недоступен)."),
            429 => DeliveryResult.Retry("Avito просит подождать (слишком много запросов).", TimeSpan.FromSeconds(
                response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 10)),
            >= 500 => DeliveryResult.Retry($"Avito временно недоступен ({code})."),
            _ => DeliveryResult.Failed($"Avito отклонил сообщение ({code}). {detail}".Trim()),
        };
    }

    public async Task<MediaContent?> DownloadAsync(ChannelContext channel, string sourceRef, CancellationToken ct)
    {
        var media = await MediaFetcher.GetAsync(http, channel, sourceRef, ApiBase(channel), MediaHosts, null, "image/jpeg", ct);
        return media is null ? null : media with { FileName = Path.GetFileName(new Uri(sourceRef).AbsolutePath) };
    }

    /// <summary>Gets a token (checks the credentials) and subscribes webhook v3 to /webhooks/{channelId}/{token}.</summary>
    public async Task<SetupResult> SetUpAsync(ChannelContext channel, string webhookUrl, CancellationToken ct)
    {
        var url = webhookUrl.TrimEnd('/') + "/" + WebhookToken(channel);
        try
        {
            using var response = await CallAsync(channel, () => new HttpRequestMessage(HttpMethod.Post, $"{ApiBase(channel)}/messenger/v3/webhook")
            { Content = JsonContent.Create(new JsonObject { ["url"] = url }) }, ct);
            if (!response.IsSuccessStatusCode) return SetupResult.Fail($"Avito не подписал webhook (HTTP {(int)response.StatusCode}).");
            var root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            return root.Prop("ok") is { ValueKind: JsonValueKind.True } ? SetupResult.Ok() : SetupResult.Fail("Avito не подтвердил подписку на webhook.");
        }
        catch (AvitoAuthException ex)
        {
            return SetupResult.Fail(ex.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException)
        {
            return SetupResult.Fail("Нет связи с Avito: " + ex.GetType().Name);
        }
    }
}
