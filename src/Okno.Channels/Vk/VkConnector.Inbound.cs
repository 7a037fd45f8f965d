using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;
using Okno.Core.Contacts;

namespace Okno.Channels.Vk;

public sealed partial class VkConnector
{
    private const string Ok = "ok";

    /// <summary>
    /// VK puts the secret in the JSON body, so the body is parsed first and nothing else is read before the
    /// secret matches (constant time). The confirmation request is answered with the code as plain text.
    /// </summary>
    public async Task<WebhookOutcome> ReadWebhookAsync(ChannelContext channel, WebhookRequest request, CancellationToken ct)
    {
        var outcome = Read(channel, request);
        // Callback events carry ids only: the client's name comes from users.get (cached; no name if VK is slow).
        if (outcome is WebhookOutcome.Accepted { Events: [{ Kind: InboundEventKind.Message, Sender: { Name: null } sender } e] } accepted
            && await NameAsync(channel, sender.Value, ct) is { } name)
            return accepted with { Events = [e with { Sender = sender with { Name = name } }] };
        return outcome;
    }

    private static WebhookOutcome Read(ChannelContext channel, WebhookRequest request)
    {
        if (request.Method != "POST") return new WebhookOutcome.Rejected(405, "VK Callback API sends POST only.");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(request.Body); }
        catch (JsonException) { return WebhookOutcome.BadRequest("The body is not valid JSON."); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.Str("type") is not { } type)
                return WebhookOutcome.BadRequest("Not a VK Callback API event: type is missing.");
            var secret = root.Str("secret");
            if (type == "confirmation")
            {
                // VK sends the secret with the confirmation too when one is set: a missing or wrong one is refused,
                // or anyone could read the code and bind their own server to the community.
                if (channel.Setting("secret") is { Length: > 0 } configured && !ConstantTime.Equal(secret, configured))
                    return WebhookOutcome.Unauthorized("Missing or wrong secret.");
                if (root.Str("group_id") != channel.Setting("groupId"))
                    return WebhookOutcome.Forbidden("The confirmation is for another community.");
                return new WebhookOutcome.Immediate(200, channel.RequiredSetting("confirmationCode"));
            }
            if (!ConstantTime.Equal(secret, channel.Setting("secret")))
                return WebhookOutcome.Unauthorized("Missing or wrong secret.");
            if (root.Str("group_id") != channel.Setting("groupId"))
                return WebhookOutcome.Forbidden("The event is for another community.");
            if (root.Str("event_id") is not { Length: > 0 } eventId)
                return WebhookOutcome.BadRequest("event_id is missing.");

            var e = ParseEvent(type, root.Prop("object"), eventId);
            return new WebhookOutcome.Accepted(e is null ? [] : [e], Ok);
        }
    }

    /// <summary>One Callback API event → one normalized event, or null for events Okno does not use.</summary>
    public static InboundEvent? ParseEvent(string type, JsonElement? obj, string eventId)
    {
        if (obj is not { ValueKind: JsonValueKind.Object } o) return null;
        var dedupe = "event:" + eventId;
        switch (type)
        {
            case "message_new" when o.Prop("message") is { } m:
                return FromMessage(m, InboundEventKind.Message, dedupe);
            case "message_edit":
                return o.Long("out") == 1 ? null : FromMessage(o, InboundEventKind.Edit, dedupe);
            case "message_reply":
                // The community's own outgoing message: typed by an admin in VK, or our own messages.send.
                return FromMessage(o, InboundEventKind.Echo, dedupe);
            case "message_allow" or "message_deny" when o.Str("user_id") is { } userId:
                return new InboundEvent
                {
                    Kind = InboundEventKind.EndpointState,
                    DedupeKey = dedupe,
                    Sender = new InboundSender(IdentityKind.Vk, userId, null, userId),
                    EndpointBlocked = type == "message_deny",
                };
            default:
                return null;
        }
    }

    private static InboundEvent? FromMessage(JsonElement m, InboundEventKind kind, string dedupe)
    {
        var peerId = m.Long("peer_id");
        // Private dialogs only: peer ids of group chats start at 2000000000, communities are negative.
        if (peerId is not (> 0 and < 2_000_000_000)) return null;
        var fromId = m.Long("from_id");
        if (kind != InboundEventKind.Echo && fromId != peerId) return null;
        var (messageKind, text, attachments) = VkContent.Read(m);
        var peer = peerId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new InboundEvent
        {
            Kind = kind,
            DedupeKey = dedupe,
            ExternalId = m.Str("id") is { } id && id != "0" ? id : null,
            Sender = new InboundSender(IdentityKind.Vk, peer, null, peer),
            MessageKind = messageKind,
            Text = text,
            Attachments = attachments,
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(m.Long("update_time") is { } edited && kind == InboundEventKind.Edit ? edited : m.Long("date") ?? 0),
        };
    }
}
