using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;
using Okno.Core.Contacts;

namespace Okno.Channels.Max;

public sealed partial class MaxConnector
{
    public Task<WebhookOutcome> ReadWebhookAsync(ChannelContext channel, WebhookRequest request, CancellationToken ct)
    {
        if (request.Method != "POST") return Task.FromResult<WebhookOutcome>(new WebhookOutcome.Rejected(405, "MAX sends POST only."));
        if (!ConstantTime.Equal(request.Header(SecretHeader), channel.Setting("webhookSecret")))
            return Task.FromResult<WebhookOutcome>(WebhookOutcome.Unauthorized("Missing or wrong X-Max-Bot-Api-Secret."));

        JsonDocument doc;
        try { doc = JsonDocument.Parse(request.Body); }
        catch (JsonException) { return Task.FromResult<WebhookOutcome>(WebhookOutcome.BadRequest("The body is not valid JSON.")); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || doc.RootElement.Str("update_type") is null)
                return Task.FromResult<WebhookOutcome>(WebhookOutcome.BadRequest("Not a MAX Update: update_type is missing."));
            var e = ParseUpdate(doc.RootElement);
            return Task.FromResult<WebhookOutcome>(new WebhookOutcome.Accepted(e is null ? [] : [e]));
        }
    }

    /// <summary>One Update → one event, or null for update types Okno does not use. Timestamps are Unix ms.</summary>
    public static InboundEvent? ParseUpdate(JsonElement update)
    {
        var type = update.Str("update_type");
        var at = DateTimeOffset.FromUnixTimeMilliseconds(update.Long("timestamp") ?? 0);
        switch (type)
        {
            case "message_created" or "message_edited" when update.Prop("message") is { } m:
                return FromMessage(m, type == "message_edited" ? InboundEventKind.Edit : InboundEventKind.Message, at);
            case "bot_started" when update.Prop("user") is { } user && user.Str("user_id") is { } userId:
                var payload = update.Str("payload");
                return new InboundEvent
                {
                    Kind = InboundEventKind.Message,
                    DedupeKey = $"bot_started:{userId}:{update.Str("timestamp")}",
                    Sender = new InboundSender(IdentityKind.Max, userId, NameOf(user), userId),
                    Text = "Клиент запустил бота" + (string.IsNullOrEmpty(payload) ? "" : $" (метка: {payload})"),
                    Timestamp = at,
                    SourceDetails = string.IsNullOrEmpty(payload) ? null
                        : JsonSerializer.Serialize(new Dictionary<string, string> { ["source"] = "max_start", ["payload"] = payload }),
                };
            case "bot_stopped" when update.Prop("user") is { } user && user.Str("user_id") is { } userId:
                return new InboundEvent
                {
                    Kind = InboundEventKind.EndpointState,
                    Sender = new InboundSender(IdentityKind.Max, userId, NameOf(user), userId),
                    EndpointBlocked = true,
                    Timestamp = at,
                };
            default:
                return null;
        }
    }

    private static InboundEvent? FromMessage(JsonElement m, InboundEventKind kind, DateTimeOffset updateAt)
    {
        if (m.Prop("recipient")?.Str("chat_type") is { } chatType && chatType != "dialog") return null; // chats and channels
        if (m.Prop("sender") is not { } sender || sender.Str("user_id") is not { } userId) return null;
        if (sender.Prop("is_bot") is { ValueKind: JsonValueKind.True }) return null; // our own bot's messages
        if (m.Prop("body") is not { } body || body.Str("mid") is not { } mid) return null;
        var (messageKind, text, attachments, phone) = MaxContent.Read(body, userId);
        return new InboundEvent
        {
            Kind = kind,
            DedupeKey = kind == InboundEventKind.Edit ? $"edit:{mid}:{updateAt.ToUnixTimeMilliseconds()}" : "created:" + mid,
            ExternalId = mid,
            Sender = new InboundSender(IdentityKind.Max, userId, NameOf(sender), userId)
            {
                AlsoKnownAs = phone is null ? [] : [(IdentityKind.Phone, phone)],
            },
            MessageKind = messageKind,
            Text = text,
            Attachments = attachments,
            Timestamp = m.Long("timestamp") is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : updateAt,
        };
    }

    private static string? NameOf(JsonElement user)
    {
        var name = string.Join(' ', new[] { user.Str("first_name"), user.Str("last_name") }.Where(s => !string.IsNullOrEmpty(s)));
        return name.Length > 0 ? name : user.Str("name") ?? user.Str("username");
    }
}
