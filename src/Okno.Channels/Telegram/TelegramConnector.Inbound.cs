using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Okno.Core.Messages;

namespace Okno.Channels.Telegram;

public sealed partial class TelegramConnector
{
    public Task<WebhookOutcome> ReadWebhookAsync(ChannelContext channel, WebhookRequest request, CancellationToken ct)
    {
        if (request.Method != "POST") return Task.FromResult<WebhookOutcome>(new WebhookOutcome.Rejected(405, "Telegram sends POST only."));
        if (IsPolling(channel)) return Task.FromResult<WebhookOutcome>(WebhookOutcome.Forbidden("This channel reads Telegram by polling."));
        if (!ConstantTime.Equal(request.Header(SecretHeader), channel.Setting("secretToken")))
            return Task.FromResult<WebhookOutcome>(WebhookOutcome.Unauthorized("Missing or wrong X-Telegram-Bot-Api-Secret-Token."));

        JsonDocument doc;
        try { doc = JsonDocument.Parse(request.Body); }
        catch (JsonException) { return Task.FromResult<WebhookOutcome>(WebhookOutcome.BadRequest("The body is not valid JSON.")); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || doc.RootElement.Long("update_id") is null)
                return Task.FromResult<WebhookOutcome>(WebhookOutcome.BadRequest("Not a Telegram Update: update_id is missing."));
            var e = ParseUpdate(doc.RootElement);
            return Task.FromResult<WebhookOutcome>(new WebhookOutcome.Accepted(e is null ? [] : [e]));
        }
    }

    /// <summary>One Update → one event, or null for update types Okno does not use.</summary>
    public static InboundEvent? ParseUpdate(JsonElement update)
    {
        var updateId = update.Long("update_id");
        var edited = update.Prop("edited_message");
        var message = update.Prop("message") ?? edited;
        if (message is not { } m || m.Prop("from") is not { } from || m.Prop("chat") is not { } chat) return null;
        if (chat.Str("type") != "private") return null; // groups and channels are not client conversations
        var chatId = chat.Str("id")!;
        var (kind, text, attachments) = ReadContent(m);
        var fromId = from.Str("id")!;
        var name = string.Join(' ', new[] { from.Str("first_name"), from.Str("last_name") }.Where(s => !string.IsNullOrEmpty(s)));
        var also = new List<(IdentityKind, string)>();
        if (m.Prop("contact") is { } contact && contact.Str("user_id") == fromId && contact.Str("phone_number") is { } phone)
            also.Add((IdentityKind.Phone, phone)); // the client shared their own number: it links the identity

        return new InboundEvent
        {
            Kind = edited is null ? InboundEventKind.Message : InboundEventKind.Edit,
            DedupeKey = updateId is { } id ? "update:" + id : null,
            ExternalId = $"{chatId}:{m.Str("message_id")}",
            Sender = new InboundSender(IdentityKind.Telegram, fromId, name.Length > 0 ? name : from.Str("username"), chatId) { AlsoKnownAs = also },
            MessageKind = kind,
            Text = text,
            Attachments = attachments,
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(m.Long("edit_date") ?? m.Long("date") ?? 0),
        };
    }

    private static (MessageKind, string?, IReadOnlyList<InboundAttachment>) ReadContent(JsonElement m)
    {
        var caption = m.Str("caption");
        if (m.Str("text") is { } text) return (MessageKind.Text, text, []);
        if (m.Array("photo").LastOrDefault() is { ValueKind: JsonValueKind.Object } photo) // sizes ascend: the last is the largest
            return (MessageKind.Media, caption, [new InboundAttachment("photo.jpg", "image/jpeg", photo.Long("file_size"), photo.Str("file_id"))]);
        if (m.Prop("document") is { } doc)
            return (MessageKind.Media, caption, [new InboundAttachment(doc.Str("file_name") is { Length: > 0 } docName ? docName : "document", doc.Str("mime_type") ?? "application/octet-stream", doc.Long("file_size"), doc.Str("file_id"))]);
        if (m.Prop("voice") is { } voice)
            return (MessageKind.Media, caption ?? "🎤 Голосовое сообщение", [new InboundAttachment("voice.ogg", voice.Str("mime_type") ?? "audio/ogg", voice.Long("file_size"), voice.Str("file_id"))]);
        if (m.Prop("audio") is { } audio)
            return (MessageKind.Media, caption, [new InboundAttachment(audio.Str("file_name") is { Length: > 0 } audioName ? audioName : "audio.mp3", audio.Str("mime_type") ?? "audio/mpeg", audio.Long("file_size"), audio.Str("file_id"))]);
        if (m.Prop("video") is { } video)
            return (MessageKind.Media, caption, [new InboundAttachment(video.Str("file_name") is { Length: > 0 } videoName ? videoName : "video.mp4", video.Str("mime_type") ?? "video/mp4", video.Long("file_size"), video.Str("file_id"))]);
        if (m.Prop("sticker") is { } sticker)
            return (MessageKind.Text, sticker.Str("emoji") ?? "Стикер", []);
        if (m.Prop("contact") is { } c)
            return (MessageKind.Text, $"📇 Контакт: {c.Str("first_name")} {c.Str("last_name")} {c.Str("phone_number")}".Replace("  ", " ", StringComparison.Ordinal).Trim(), []);
        if (m.Prop("location") is { } loc)
            return (MessageKind.Text, $"📍 Геопозиция: {loc.Str("latitude")}, {loc.Str("longitude")}", []);
        return (MessageKind.Text, caption ?? "(сообщение неподдерживаемого типа)", []);
    }
}
