using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Okno.Core.Messages;

namespace Okno.Channels.WhatsAppCloud;

public sealed partial class WhatsAppCloudConnector
{
    public Task<WebhookOutcome> ReadWebhookAsync(ChannelContext channel, WebhookRequest request, CancellationToken ct) =>
        Task.FromResult(request.Method switch
        {
            "GET" => Handshake(channel, request),
            "POST" => ReadNotification(channel, request),
            _ => new WebhookOutcome.Rejected(405, "WhatsApp sends GET (verification) and POST only."),
        });

    /// <summary>Meta's verification: hub.mode=subscribe and our verify token → 200 with hub.challenge as the body.</summary>
    private static WebhookOutcome Handshake(ChannelContext channel, WebhookRequest request)
    {
        if (request.QueryValue("hub.mode") != "subscribe" || !ConstantTime.Equal(request.QueryValue("hub.verify_token"), channel.Setting("verifyToken")))
            return WebhookOutcome.Forbidden("Wrong hub.mode or hub.verify_token.");
        return new WebhookOutcome.Immediate(200, request.QueryValue("hub.challenge") ?? "");
    }

    private static WebhookOutcome ReadNotification(ChannelContext channel, WebhookRequest request)
    {
        var secret = channel.Setting("appSecret");
        if (string.IsNullOrEmpty(secret) || !ConstantTime.HmacMatches(request.Header(SignatureHeader), "sha256=",
                Encoding.UTF8.GetBytes(secret), request.Body.Span, HashAlgorithmName.SHA256))
            return WebhookOutcome.Unauthorized("Missing or wrong X-Hub-Signature-256.");

        JsonDocument doc;
        try { doc = JsonDocument.Parse(request.Body); }
        catch (JsonException) { return WebhookOutcome.BadRequest("The body is not valid JSON."); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.Prop("entry") is not { ValueKind: JsonValueKind.Array })
                return WebhookOutcome.BadRequest("Not a WhatsApp notification: entry is missing.");
            var events = new List<InboundEvent>();
            foreach (var entry in root.Array("entry"))
                foreach (var change in entry.Array("changes"))
                    if (change.Str("field") == "messages" && change.Prop("value") is { } value)
                        events.AddRange(ParseValue(value));
            return new WebhookOutcome.Accepted(events);
        }
    }

    /// <summary>One change value: client messages (with the contacts that sent them) and statuses of ours.</summary>
    public static IEnumerable<InboundEvent> ParseValue(JsonElement value)
    {
        var contacts = value.Array("contacts").ToList();
        foreach (var m in value.Array("messages"))
            if (ParseMessage(m, contacts) is { } e) yield return e;
        foreach (var s in value.Array("statuses"))
            if (ParseStatus(s) is { } e) yield return e;
    }

    private static InboundEvent? ParseMessage(JsonElement m, List<JsonElement> contacts)
    {
        var phone = m.Str("from");
        var userId = m.Str("from_user_id");
        var contact = contacts.FirstOrDefault(c => (phone is not null && c.Str("wa_id") == phone) || (userId is not null && c.Str("user_id") == userId));
        if (contact.ValueKind != JsonValueKind.Object && contacts.Count == 1) contact = contacts[0];
        userId ??= contact.ValueKind == JsonValueKind.Object ? contact.Str("user_id") : null;
        phone ??= contact.ValueKind == JsonValueKind.Object ? contact.Str("wa_id") : null;
        var name = contact.ValueKind == JsonValueKind.Object ? contact.Prop("profile")?.Str("name") : null;

        InboundSender sender;
        if (phone is { Length: > 0 })
        {
            var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
            sender = new InboundSender(IdentityKind.Phone, digits, name, digits)
            {
                AlsoKnownAs = userId is { Length: > 0 } ? [(IdentityKind.WhatsAppUser, userId)] : [],
            };
        }
        else if (userId is { Length: > 0 })
        {
            // No phone number revealed: the business-scoped user id (BSUID) is the identity and the address.
            sender = new InboundSender(IdentityKind.WhatsAppUser, userId, name, userId);
        }
        else return null;

        var (kind, text, attachments) = WhatsAppCloudContent.Read(m);
        return new InboundEvent
        {
            Kind = InboundEventKind.Message,
            ExternalId = m.Str("id"),
            Sender = sender,
            MessageKind = kind,
            Text = text,
            Attachments = attachments,
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(m.Long("timestamp") ?? 0),
        };
    }

    private static InboundEvent? ParseStatus(JsonElement s)
    {
        MessageStatus? status = s.Str("status") switch
        {
            "sent" => MessageStatus.Sent,
            "delivered" => MessageStatus.Delivered,
            "read" or "played" => MessageStatus.Read,
            "failed" => MessageStatus.Failed,
            _ => null,
        };
        if (status is null || s.Str("id") is not { } id) return null;
        string? error = null;
        if (status == MessageStatus.Failed)
        {
            var first = s.Array("errors").FirstOrDefault();
            error = first.ValueKind == JsonValueKind.Object
                ? WhatsAppCloudErrors.Describe(first.Long("code") ?? 0, first.Str("title") ?? first.Str("message"))
                : "WhatsApp не доставил сообщение.";
        }
        return new InboundEvent
        {
            Kind = InboundEventKind.Receipt,
            ExternalId = id,
            ReceiptStatus = status,
            ReceiptError = error,
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(s.Long("timestamp") ?? 0),
        };
    }
}
