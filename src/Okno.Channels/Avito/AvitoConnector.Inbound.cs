using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Okno.Core.Messages;

namespace Okno.Channels.Avito;

public sealed partial class AvitoConnector
{
    /// <summary>
    /// Webhook v3: {"id","version","timestamp","payload":{"type":"message","value":{id, chat_id, user_id, author_id,
    /// created, type, chat_type, content, item_id}}}. Order: path token (constant time) → parse → our own echo is
    /// skipped → the message is read back from the API; one the API does not know is forged: 403, nothing stored.
    /// </summary>
    public async Task<WebhookOutcome> ReadWebhookAsync(ChannelContext channel, WebhookRequest request, CancellationToken ct)
    {
        if (request.Method != "POST") return new WebhookOutcome.Rejected(405, "Avito sends POST only.");
        if (!ConstantTime.Equal(request.PathToken, WebhookToken(channel)))
            return WebhookOutcome.Unauthorized("Missing or wrong webhook path token.");

        JsonDocument doc;
        try { doc = JsonDocument.Parse(request.Body); }
        catch (JsonException) { return WebhookOutcome.BadRequest("The body is not valid JSON."); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return WebhookOutcome.BadRequest("Not an Avito webhook.");
            // Avito's reachability check posts {} — answer 200 and store nothing.
            if (root.Prop("payload") is not { } payload) return new WebhookOutcome.Accepted([], "{\"ok\":true}", "application/json");
            if (payload.Str("type") != "message" || payload.Prop("value") is not { } value)
                return new WebhookOutcome.Accepted([], "{\"ok\":true}", "application/json");
            var (id, chatId, authorId) = (value.Str("id"), value.Str("chat_id"), value.Str("author_id"));
            if (id is null || chatId is null || authorId is null) return WebhookOutcome.BadRequest("payload.value lacks id, chat_id or author_id.");
            if (value.Str("user_id") is { } owner && owner != UserId(channel)) return WebhookOutcome.Forbidden("The message is for another Avito account.");
            // Our own message (stored when we sent it), a deleted one, or one without a person behind it (author 0).
            if (authorId == UserId(channel) || authorId == "0" || value.Str("type") == "deleted")
                return new WebhookOutcome.Accepted([], "{\"ok\":true}", "application/json");

            JsonElement? confirmed;
            try { confirmed = await ConfirmAsync(channel, chatId, id, ct); }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or AvitoAuthException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                return new WebhookOutcome.Rejected(503, "Could not confirm the message with the Avito API; retry later.");
            }
            if (confirmed is not { } message || message.Str("author_id") is { } a && a != authorId)
                return WebhookOutcome.Forbidden("The Avito API does not confirm this message.");

            var e = ToEvent(message, chatId, authorId, root.Str("id") is { } eventId ? "event:" + eventId : null,
                value.Prop("item_id"), value.Str("chat_type"), value);
            return new WebhookOutcome.Accepted(e is null ? [] : [e], "{\"ok\":true}", "application/json");
        }
    }

    /// <summary>Reads the chat's messages back and finds this one.</summary>
    private async Task<JsonElement?> ConfirmAsync(ChannelContext channel, string chatId, string messageId, CancellationToken ct)
    {
        foreach (var m in await ListMessagesAsync(channel, chatId, ct))
            if (m.Str("id") == messageId) return m;
        return null;
    }

    /// <summary>GET …/chats/{chat_id}/messages/ — the list comes bare ([…]) or wrapped ({"messages":[…]}); empty for a chat not ours.</summary>
    private async Task<IReadOnlyList<JsonElement>> ListMessagesAsync(ChannelContext channel, string chatId, CancellationToken ct)
    {
        var url = $"{ApiBase(channel)}/messenger/v3/accounts/{Uri.EscapeDataString(UserId(channel))}/chats/{Uri.EscapeDataString(chatId)}/messages/?limit=100";
        using var response = await CallAsync(channel, () => new HttpRequestMessage(HttpMethod.Get, url), ct);
        if ((int)response.StatusCode is 403 or 404) return [];
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"Avito answered {(int)response.StatusCode}");
        var root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var list = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : root.Array("messages");
        return [.. list.Select(m => m.Clone())];
    }

    /// <summary>The content is taken from the API's copy (confirmed); the ad and the chat from the webhook.</summary>
    internal static InboundEvent? ToEvent(JsonElement message, string chatId, string authorId, string? dedupeKey,
        JsonElement? item, string? chatType, JsonElement? webhookValue = null)
    {
        var type = message.Str("type") ?? webhookValue?.Str("type");
        var content = message.Prop("content") ?? webhookValue?.Prop("content");
        var quiet = false;
        MessageKind kind = MessageKind.Text;
        string? text;
        IReadOnlyList<InboundAttachment> attachments = [];
        switch (type)
        {
            case "text":
                text = content?.Str("text");
                break;
            case "image":
                var url = LargestImage(content?.Prop("image")?.Prop("sizes"));
                if (url is null) return null;
                (kind, text, attachments) = (MessageKind.Media, null, [new InboundAttachment("photo.jpg", "image/jpeg", null, url)]);
                break;
            case "system":
                // Avito's own chat-bots (flow_id): kept with the request for context, never opening one.
                (text, quiet) = ("🤖 Avito: " + (content?.Str("text") ?? "системное сообщение"), true);
                break;
            case "voice": text = "🎤 Голосовое сообщение (прослушайте в Avito)"; break;
            case "item": text = "📦 Объявление: " + (content?.Prop("item")?.Str("title") ?? ""); break;
            case "link": text = "🔗 " + (content?.Prop("link")?.Str("url") ?? content?.Prop("link")?.Str("text") ?? "Ссылка"); break;
            case "location": text = "📍 Геопозиция: " + (content?.Prop("location")?.Str("text") ?? ""); break;
            case "call" or "appCall": text = "📞 Звонок через Avito"; break;
            case "file": text = "📎 Файл (откройте в Avito)"; break;
            default: text = "(сообщение неподдерживаемого типа)"; break;
        }

        var source = new JsonObject { ["channel"] = "avito", ["chatId"] = chatId };
        if (item is { } i)
            source["itemId"] = i.ValueKind == JsonValueKind.Number && i.TryGetInt64(out var n) ? n : i.ToString();
        if (chatType is not null) source["chatType"] = chatType;
        return new InboundEvent
        {
            Kind = InboundEventKind.Message,
            DedupeKey = dedupeKey,
            ExternalId = message.Str("id"),
            Sender = new InboundSender(IdentityKind.Avito, authorId, null, chatId),
            MessageKind = kind,
            Text = text,
            Attachments = attachments,
            Timestamp = (message.Long("created") ?? webhookValue?.Long("created")) is { } created ? DateTimeOffset.FromUnixTimeSeconds(created) : default,
            SourceDetails = source.ToJsonString(),
            Quiet = quiet,
        };
    }

    /// <summary>sizes: {"140x105": url, "1280x960": url, …} — the largest area wins.</summary>
    private static string? LargestImage(JsonElement? sizes)
    {
        if (sizes is not { ValueKind: JsonValueKind.Object } s) return null;
        return s.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String)
            .Select(p => (Url: p.Value.GetString(), Area: Area(p.Name)))
            .OrderByDescending(p => p.Area).FirstOrDefault().Url;
    }

    private static long Area(string size)
    {
        var parts = size.Split('x', 'X');
        return parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var w) && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var h) ? w * h : 0;
    }
}
