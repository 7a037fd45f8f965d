using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Okno.Core.Messages;

namespace Okno.Channels.Waha;

public sealed partial class WahaConnector
{
    public Task<WebhookOutcome> ReadWebhookAsync(ChannelContext channel, WebhookRequest request, CancellationToken ct)
    {
        if (request.Method != "POST") return Task.FromResult<WebhookOutcome>(new WebhookOutcome.Rejected(405, "WAHA sends POST only."));
        var key = channel.Setting("hmacKey");
        if (string.IsNullOrEmpty(key) || request.Header(HmacAlgorithmHeader) is { } algorithm && !algorithm.Equals("sha512", StringComparison.OrdinalIgnoreCase) ||
            !ConstantTime.HmacMatches(request.Header(HmacHeader), "", Encoding.UTF8.GetBytes(key), request.Body.Span, HashAlgorithmName.SHA512))
            return Task.FromResult<WebhookOutcome>(WebhookOutcome.Unauthorized("Missing or wrong X-Webhook-Hmac (sha512)."));

        JsonDocument doc;
        try { doc = JsonDocument.Parse(request.Body); }
        catch (JsonException) { return Task.FromResult<WebhookOutcome>(WebhookOutcome.BadRequest("The body is not valid JSON.")); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.Str("event") is null) return Task.FromResult<WebhookOutcome>(WebhookOutcome.BadRequest("Not a WAHA event: event is missing."));
            if (root.Str("session") is { } session && channel.Setting("session") is { Length: > 0 } mine && session != mine)
                return Task.FromResult<WebhookOutcome>(new WebhookOutcome.Accepted([])); // another session's event: not ours to store
            var e = ParseEvent(root);
            if (e is { Kind: InboundEventKind.Echo } && _recent.Contains(e.ExternalId))
                e = null; // the echo of a send of ours that the outbox may not have recorded yet
            return Task.FromResult<WebhookOutcome>(new WebhookOutcome.Accepted(e is null ? [] : [e]));
        }
    }

    public static InboundEvent? ParseEvent(JsonElement root)
    {
        var payload = root.Prop("payload");
        if (payload is not { } p) return null;
        return root.Str("event") switch
        {
            "message" => p.Prop("fromMe") is { ValueKind: JsonValueKind.True } ? null : Message(p, InboundEventKind.Message),
            // message.any also carries our own messages (fromMe): those typed on the phone, and echoes of our sends.
            "message.any" => Message(p, p.Prop("fromMe") is { ValueKind: JsonValueKind.True } ? InboundEventKind.Echo : InboundEventKind.Message),
            "message.ack" => Ack(p),
            "session.status" => SessionStatus(p.Str("status")),
            _ => null,
        };
    }

    /// <summary>A message id may come as a string or (some engines) as an object with _serialized.</summary>
    public static string? MessageId(JsonElement p) => p.Str("id") ?? p.Prop("id")?.Str("_serialized");

    private static InboundEvent? Message(JsonElement p, InboundEventKind kind)
    {
        var chat = kind == InboundEventKind.Echo ? p.Str("to") : p.Str("from");
        if (chat is null || MessageId(p) is not { } id) return null;
        InboundSender sender;
        var name = kind == InboundEventKind.Message ? p.Prop("_data")?.Str("notifyName") : null;
        if (WhatsAppIds.IsPerson(chat))
        {
            var digits = WhatsAppIds.Digits(chat);
            sender = new InboundSender(IdentityKind.Phone, digits, name, digits);
        }
        else if (chat.EndsWith("@lid", StringComparison.Ordinal))
            sender = new InboundSender(IdentityKind.WhatsAppUser, chat, name, chat); // a hidden user id: no phone known
        else return null; // groups, status@broadcast, channels: not client conversations

        var (messageKind, text, attachments) = WahaContent.Read(p);
        return new InboundEvent
        {
            Kind = kind,
            ExternalId = id,
            Sender = sender,
            MessageKind = messageKind,
            Text = text,
            Attachments = attachments,
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(p.Long("timestamp") ?? 0),
        };
    }

    /// <summary>ack: −1 ERROR, 0 PENDING, 1 SERVER, 2 DEVICE, 3 READ, 4 PLAYED; only our own messages have receipts.</summary>
    private static InboundEvent? Ack(JsonElement p)
    {
        if (p.Prop("fromMe") is { ValueKind: JsonValueKind.False } || MessageId(p) is not { } id) return null;
        MessageStatus? status = p.Long("ack") switch
        {
            -1 => MessageStatus.Failed,
            1 => MessageStatus.Sent,
            2 => MessageStatus.Delivered,
            3 or 4 => MessageStatus.Read,
            _ => null,
        };
        return status is null ? null : new InboundEvent
        {
            Kind = InboundEventKind.Receipt,
            ExternalId = id,
            ReceiptStatus = status,
            ReceiptError = status == MessageStatus.Failed ? "WhatsApp не доставил сообщение (ошибка WAHA)." : null,
        };
    }

    public static InboundEvent? SessionStatus(string? status)
    {
        (ChannelStatus? s, string? reason) = status switch
        {
            "WORKING" => (ChannelStatus.Connected, null),
            "SCAN_QR_CODE" => (ChannelStatus.NeedsAttention, "Сессия WAHA ждёт QR-код: отсканируйте его телефоном с WhatsApp."),
            "FAILED" => (ChannelStatus.NeedsAttention, "Сессия WAHA упала: перезапустите её или авторизуйтесь заново."),
            "STOPPED" => (ChannelStatus.Disconnected, "Сессия WAHA остановлена."),
            _ => ((ChannelStatus?)null, (string?)null), // STARTING: wait for the outcome
        };
        return s is null ? null : new InboundEvent { Kind = InboundEventKind.ChannelState, ChannelStatus = s, StatusReason = reason };
    }
}
