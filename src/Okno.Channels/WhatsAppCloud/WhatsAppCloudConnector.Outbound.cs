using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.WhatsAppCloud;

public sealed partial class WhatsAppCloudConnector
{
    public const int MaxCaption = 1024;

    /// <summary>
    /// A template, text, or attachments (the text as the first attachment's caption when it fits). Attachments go by
    /// link when they have a public URL, otherwise they are uploaded to /{phone-number-id}/media first.
    /// </summary>
    public async Task<DeliveryResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken ct)
    {
        using var client = Client(channel);
        // A template send carries the template; any text with it is only how the operator sees it in Okno.
        if (message.Template is { Length: > 0 }) return await SendTemplateAsync(client, channel, message, ct);

        var attachments = message.Attachments.Where(a => a.PublicUrl is not null || a.Open is not null).ToList();
        if (attachments.Count == 0)
            return await PostMessageAsync(client, channel, Envelope(message.Address, "text", new JsonObject { ["preview_url"] = false, ["body"] = message.Text ?? "" }), ct);

        var text = message.Text;
        string? firstId = null;
        for (var i = 0; i < attachments.Count; i++)
        {
            var a = attachments[i];
            var type = MediaType(a.ContentType);
            var canCaption = type is "image" or "video" or "document";
            if (i == 0 && !string.IsNullOrEmpty(text) && (!canCaption || text.Length > MaxCaption))
            {
                var sentText = await PostMessageAsync(client, channel, Envelope(message.Address, "text", new JsonObject { ["preview_url"] = false, ["body"] = text }), ct);
                if (sentText.Outcome != DeliveryOutcome.Sent) return sentText;
                firstId = sentText.ExternalId;
                text = null;
            }

            JsonObject media;
            if (a.PublicUrl is { } url) media = new JsonObject { ["link"] = url };
            else
            {
                var (mediaId, failure) = await UploadAsync(client, channel, a, ct);
                if (failure is not null) return failure;
                media = new JsonObject { ["id"] = mediaId };
            }
            if (i == 0 && canCaption && !string.IsNullOrEmpty(text)) media["caption"] = text;
            if (type == "document") media["filename"] = a.FileName;
            var sent = await PostMessageAsync(client, channel, Envelope(message.Address, type, media), ct);
            if (sent.Outcome != DeliveryOutcome.Sent) return sent;
            firstId ??= sent.ExternalId;
        }
        return DeliveryResult.Sent(firstId);
    }

    /// <summary>The API field `template` is a JSON string: the template object itself, or a body that holds one.</summary>
    private async Task<DeliveryResult> SendTemplateAsync(HttpClient client, ChannelContext channel, OutboundMessage message, CancellationToken ct)
    {
        JsonObject? template;
        try { template = JsonNode.Parse(message.Template!) as JsonObject; }
        catch (JsonException) { template = null; }
        if (template?["template"] is JsonObject inner) template = inner;
        if (template?["name"] is null) return DeliveryResult.Failed("Шаблон задан неверно: нужен JSON с полями name и language.");
        return await PostMessageAsync(client, channel, Envelope(message.Address, "template", (JsonObject)template.DeepClone()), ct);
    }

    /// <summary>
    /// A phone number goes in "to"; a business-scoped user id (a client who hides their number, e.g. "RU.1349…")
    /// goes in "recipient" (Meta's BSUID addition to the Messages API).
    /// </summary>
    private static JsonObject Envelope(string address, string type, JsonObject content) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = "individual",
        [address.All(char.IsAsciiDigit) ? "to" : "recipient"] = address,
        ["type"] = type,
        [type] = content,
    };

    private static string MediaType(string contentType) => contentType switch
    {
        "image/jpeg" or "image/png" => "image",
        "video/mp4" or "video/3gpp" => "video",
        _ when contentType.StartsWith("audio/", StringComparison.Ordinal) => "audio",
        _ => "document",
    };

    private async Task<DeliveryResult> PostMessageAsync(HttpClient client, ChannelContext channel, JsonObject body, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync($"{ApiBase(channel)}/{channel.RequiredSetting("phoneNumberId")}/messages", body, ct);
        var (root, failure) = await ReadAsync(response, ct);
        if (failure is not null) return failure;
        return root.Array("messages").FirstOrDefault().Str("id") is { } wamid
            ? DeliveryResult.Sent(wamid)
            : DeliveryResult.Retry("WhatsApp не вернул идентификатор сообщения.");
    }

    private async Task<(string? Id, DeliveryResult? Failure)> UploadAsync(HttpClient client, ChannelContext channel, OutboundAttachment a, CancellationToken ct)
    {
        await using var stream = await a.Open!(ct);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("whatsapp"), "messaging_product" },
            { new StringContent(a.ContentType), "type" },
        };
        var file = new StreamContent(stream);
        file.Headers.ContentType = new(a.ContentType);
        form.Add(file, "file", a.FileName);
        using var response = await client.PostAsync($"{ApiBase(channel)}/{channel.RequiredSetting("phoneNumberId")}/media", form, ct);
        var (root, failure) = await ReadAsync(response, ct);
        if (failure is not null) return (null, failure);
        return root.Str("id") is { } id ? (id, null) : (null, DeliveryResult.Retry("WhatsApp не вернул идентификатор загруженного файла."));
    }

    /// <summary>Graph API answers JSON; errors as {"error":{"code":…,"message":…,"error_data":{"details":…}}}.</summary>
    private static async Task<(JsonElement Root, DeliveryResult? Failure)> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        JsonElement root;
        try { root = await response.Content.ReadFromJsonAsync<JsonElement>(ct); }
        catch (JsonException)
        {
            return (default, (int)response.StatusCode >= 500 || (int)response.StatusCode == 429
                ? DeliveryResult.Retry($"WhatsApp временно недоступен ({(int)response.StatusCode}).")
                : DeliveryResult.Failed($"WhatsApp ответил HTTP {(int)response.StatusCode} без JSON."));
        }
        if (response.IsSuccessStatusCode && root.Prop("error") is null) return (root, null);
        var error = root.Prop("error");
        return (root, WhatsAppCloudErrors.ToResult((int)response.StatusCode, error?.Long("code") ?? 0, error?.Str("message"),
            error?.Prop("error_data")?.Str("details")));
    }

    /// <summary>GET /{media-id} (Bearer) → a short-lived URL → GET it with the same Bearer token.</summary>
    public async Task<MediaContent?> DownloadAsync(ChannelContext channel, string sourceRef, CancellationToken ct)
    {
        using var client = Client(channel);
        using var info = await client.GetAsync($"{ApiBase(channel)}/{Uri.EscapeDataString(sourceRef)}", ct);
        if (!info.IsSuccessStatusCode) return null;
        var root = await info.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (root.Str("url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) return null;
        var file = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!file.IsSuccessStatusCode) { file.Dispose(); return null; }
        var mime = root.Str("mime_type") ?? file.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        return new MediaContent(await file.Content.ReadAsStreamAsync(ct), mime, null);
    }

    /// <summary>
    /// The callback URL and verify token are entered in the Meta app dashboard (that is where the GET handshake comes
    /// from); here the phone number id and the token are checked.
    /// </summary>
    public async Task<SetupResult> SetUpAsync(ChannelContext channel, string webhookUrl, CancellationToken ct)
    {
        try
        {
            using var client = Client(channel);
            using var response = await client.GetAsync($"{ApiBase(channel)}/{channel.RequiredSetting("phoneNumberId")}?fields=display_phone_number,verified_name", ct);
            if (response.IsSuccessStatusCode) return SetupResult.Ok();
            var (_, failure) = await ReadAsync(response, ct);
            return SetupResult.Fail(failure?.Reason ?? $"WhatsApp: HTTP {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException)
        {
            return SetupResult.Fail("Нет связи с WhatsApp Cloud API: " + ex.GetType().Name);
        }
    }
}
