using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Waha;

public sealed partial class WahaConnector
{
    /// <summary>POST /api/sendText {session, chatId, text}; files by /api/sendImage or /api/sendFile (URL or base64 data).</summary>
    public async Task<DeliveryResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(message.Text) && message.Attachments.Count == 0)
            return DeliveryResult.Failed(message.Template is null ? "Пустое сообщение."
                : "Шаблоны WhatsApp отправляются только через официальный канал WhatsApp Cloud API.");
        using var client = Client(channel);
        var session = channel.RequiredSetting("session");
        var chatId = WhatsAppIds.ChatId(message.Address);
        var attachments = message.Attachments.Where(a => a.PublicUrl is not null || a.Open is not null).ToList();
        if (attachments.Count == 0)
            return await PostAsync(client, $"{ApiBase(channel)}/api/sendText", new JsonObject { ["session"] = session, ["chatId"] = chatId, ["text"] = message.Text }, ct);

        string? firstId = null;
        for (var i = 0; i < attachments.Count; i++)
        {
            var a = attachments[i];
            var file = new JsonObject { ["mimetype"] = a.ContentType, ["filename"] = a.FileName };
            if (a.PublicUrl is { } url) file["url"] = url;
            else
            {
                await using var stream = await a.Open!(ct);
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                file["data"] = Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
            }
            var body = new JsonObject { ["session"] = session, ["chatId"] = chatId, ["file"] = file };
            if (i == 0 && !string.IsNullOrEmpty(message.Text)) body["caption"] = message.Text;
            var method = a.ContentType is "image/jpeg" or "image/png" ? "sendImage" : "sendFile";
            var sent = await PostAsync(client, $"{ApiBase(channel)}/api/{method}", body, ct);
            if (sent.Outcome != DeliveryOutcome.Sent) return sent;
            firstId ??= sent.ExternalId;
        }
        return DeliveryResult.Sent(firstId);
    }

    private async Task<DeliveryResult> PostAsync(HttpClient client, string url, JsonObject body, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync(url, body, ct);
        var code = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            try
            {
                var root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                if (MessageId(root) is { } id)
                {
                    _recent.Add(id);
                    return DeliveryResult.Sent(id);
                }
            }
            catch (JsonException) { }
            return DeliveryResult.Sent(null); // sent, but this engine did not say the id: receipts cannot be matched
        }
        return code switch
        {
            401 or 403 => DeliveryResult.Failed("WAHA не принял API-ключ: проверьте настройки канала.", ChannelStatus.NeedsAttention),
            404 => DeliveryResult.Failed("Сессия WAHA не найдена: проверьте имя сессии.", ChannelStatus.NeedsAttention),
            422 => DeliveryResult.Retry("Сессия WAHA не в рабочем состоянии: сообщение уйдёт, когда она подключится.", TimeSpan.FromMinutes(1)),
            429 => DeliveryResult.Retry("WAHA просит отправлять реже.", TimeSpan.FromSeconds(5)),
            >= 500 => DeliveryResult.Retry($"WAHA временно недоступен ({code})."),
            _ => DeliveryResult.Failed($"WAHA отклонил сообщение (HTTP {code})."),
        };
    }

    /// <summary>Files WAHA saved are served by WAHA itself (/api/files/…), behind the same API key.</summary>
    public async Task<MediaContent?> DownloadAsync(ChannelContext channel, string sourceRef, CancellationToken ct)
    {
        // WAHA serves media itself (/api/files/…), often under the name it knows itself by (localhost:3000):
        // that path is fetched from the configured API host, and the API key goes nowhere else.
        if (!Uri.TryCreate(sourceRef, UriKind.Absolute, out var uri)) return null;
        var api = ApiBase(channel);
        var files = uri.PathAndQuery.IndexOf("/api/files/", StringComparison.Ordinal);
        if (files >= 0 && !uri.GetLeftPart(UriPartial.Authority).Equals(new Uri(api).GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            sourceRef = api + uri.PathAndQuery[files..];
        var key = channel.RequiredSetting("apiKey");
        return await MediaFetcher.GetAsync(http, channel, sourceRef, api, [], h => h.Add(ApiKeyHeader, key), "application/octet-stream", ct);
    }

    /// <summary>Checks the key and the session (GET /api/sessions/{session}); webhooks are configured on the session in WAHA.</summary>
    public async Task<SetupResult> SetUpAsync(ChannelContext channel, string webhookUrl, CancellationToken ct)
    {
        try
        {
            using var client = Client(channel);
            using var response = await client.GetAsync($"{ApiBase(channel)}/api/sessions/{Uri.EscapeDataString(channel.RequiredSetting("session"))}", ct);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return SetupResult.Fail("WAHA не принял API-ключ.");
            if (response.StatusCode == HttpStatusCode.NotFound) return SetupResult.Fail("Сессия WAHA не найдена.");
            if (!response.IsSuccessStatusCode) return SetupResult.Fail($"WAHA: HTTP {(int)response.StatusCode}");
            var root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var status = root.Str("status");
            return status == "WORKING" ? SetupResult.Ok() : SetupResult.Fail(SessionStatus(status)?.StatusReason ?? $"Сессия WAHA в состоянии {status}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException)
        {
            return SetupResult.Fail("Нет связи с WAHA: " + ex.GetType().Name);
        }
    }
}
