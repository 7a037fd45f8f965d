using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Okno.Core.Messages;

namespace Okno.Channels.GreenApi;

public sealed partial class GreenApiConnector
{
    public Task<WebhookOutcome> ReadWebhookAsync(ChannelContext channel, WebhookRequest request, CancellationToken ct)
    {
        if (request.Method != "POST") return Task.FromResult<WebhookOutcome>(new WebhookOutcome.Rejected(405, "Green-API sends POST only."));
        var token = channel.Setting("webhookToken");
        if (string.IsNullOrEmpty(token) || !ConstantTime.Equal(request.Header("Authorization"), "Bearer " + token))
            return Task.FromResult<WebhookOutcome>(WebhookOutcome.Unauthorized("Missing or wrong Authorization: Bearer <webhookUrlToken>."));

        JsonDocument doc;
        try { doc = JsonDocument.Parse(request.Body); }
        catch (JsonException) { return Task.FromResult<WebhookOutcome>(WebhookOutcome.BadRequest("The body is not valid JSON.")); }
        using (doc)
        {
            if (doc.RootElement.Str("typeWebhook") is null)
                return Task.FromResult<WebhookOutcome>(WebhookOutcome.BadRequest("Not a Green-API notification: typeWebhook is missing."));
            var e = ParseNotification(doc.RootElement);
            if (doc.RootElement.Str("typeWebhook") == "stateInstanceChanged") RememberState(channel.Id, doc.RootElement.Str("stateInstance"));
            if (e is { Kind: InboundEventKind.Echo } && doc.RootElement.Str("typeWebhook") == "outgoingAPIMessageReceived" && _recent.Contains(e.ExternalId))
                e = null; // the echo of a send of ours that the outbox may not have recorded yet
            return Task.FromResult<WebhookOutcome>(new WebhookOutcome.Accepted(e is null ? [] : [e]));
        }
    }

    /// <summary>idMessage is unique within a chat: chatId_idMessage is unique on the instance (Green-API's advice).</summary>
    public static string ExternalId(string chatId, string idMessage) => $"{chatId}_{idMessage}";

    public static InboundEvent? ParseNotification(JsonElement n)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(n.Long("timestamp") ?? 0);
        switch (n.Str("typeWebhook"))
        {
            case "incomingMessageReceived":
                return Message(n, InboundEventKind.Message, at);
            case "outgoingMessageReceived" or "outgoingAPIMessageReceived":
                // Typed on the phone, or our own API send: shown as outbound; our own is recognized by its id.
                return Message(n, InboundEventKind.Echo, at);
            case "outgoingMessageStatus":
                return Status(n, at);
            case "stateInstanceChanged":
                var (status, reason) = MapState(n.Str("stateInstance"));
                return status is null ? null : new InboundEvent { Kind = InboundEventKind.ChannelState, ChannelStatus = status, StatusReason = reason, Timestamp = at };
            default:
                return null; // incomingCall, deviceInfo, …: nothing for the inbox
        }
    }

    private static InboundEvent? Message(JsonElement n, InboundEventKind kind, DateTimeOffset at)
    {
        var chatId = n.Prop("senderData")?.Str("chatId");
        if (!WhatsAppIds.IsPerson(chatId) || n.Str("idMessage") is not { } idMessage) return null; // groups are not client conversations
        var sender = n.Prop("senderData")!.Value;
        var digits = WhatsAppIds.Digits(chatId!);
        // In an echo, senderName is our own number's name: only the chat's name says who the client is.
        var name = kind == InboundEventKind.Message ? sender.Str("senderContactName") is { Length: > 0 } contactName ? contactName : sender.Str("senderName") : null;
        var (messageKind, text, attachments) = GreenApiContent.Read(n.Prop("messageData"));
        return new InboundEvent
        {
            Kind = kind,
            ExternalId = ExternalId(chatId!, idMessage),
            Sender = new InboundSender(IdentityKind.Phone, digits, name is { Length: > 0 } ? name : null, digits),
            MessageKind = messageKind,
            Text = text,
            Attachments = attachments,
            Timestamp = at,
        };
    }

    private static InboundEvent? Status(JsonElement n, DateTimeOffset at)
    {
        if (n.Str("chatId") is not { } chatId || n.Str("idMessage") is not { } idMessage) return null;
        var description = n.Str("description");
        (MessageStatus? status, string? error) = n.Str("status") switch
        {
            "sent" => (MessageStatus.Sent, null),
            "delivered" => (MessageStatus.Delivered, null),
            "read" => (MessageStatus.Read, null),
            "failed" => (MessageStatus.Failed, "WhatsApp не доставил сообщение" + (description is { Length: > 0 } ? $": {description}" : ".")),
            "noAccount" => (MessageStatus.Failed, "У этого номера нет WhatsApp."),
            "notInGroup" => (MessageStatus.Failed, "Номер не состоит в этой группе."),
            "yellowCard" => (MessageStatus.Failed, "Отправка с номера приостановлена WhatsApp за подозрение на спам (yellowCard)."),
            _ => ((MessageStatus?)null, (string?)null),
        };
        return status is null ? null : new InboundEvent
        {
            Kind = InboundEventKind.Receipt,
            ExternalId = ExternalId(chatId, idMessage),
            ReceiptStatus = status,
            ReceiptError = error,
            Timestamp = at,
        };
    }

    /// <summary>stateInstance → the channel's status and a reason an administrator can act on.</summary>
    public static (ChannelStatus? Status, string? Reason) MapState(string? state) => state switch
    {
        "authorized" => (ChannelStatus.Connected, null),
        "notAuthorized" => (ChannelStatus.NeedsAttention, "Номер не авторизован в Green-API: отсканируйте QR-код в личном кабинете."),
        "starting" => (ChannelStatus.NeedsAttention, "Инстанс Green-API запускается (до 5 минут)."),
        "sleepMode" => (ChannelStatus.NeedsAttention, "Телефон с WhatsApp выключен или без связи (sleepMode)."),
        "pendingPassword" => (ChannelStatus.NeedsAttention, "Для авторизации нужен пароль двухфакторной защиты."),
        "blocked" => (ChannelStatus.Blocked, "Номер заблокирован WhatsApp."),
        "yellowCard" => (ChannelStatus.Blocked, "WhatsApp приостановил отправку с номера за подозрение на спам (yellowCard): нужна перезагрузка инстанса."),
        "suspended" => (ChannelStatus.Blocked, "На номер наложены временные ограничения на отправку."),
        _ => (null, null),
    };
}
