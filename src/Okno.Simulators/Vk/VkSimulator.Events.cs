using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Okno.Simulators.Vk;

/// <summary>Builds Callback API events as dev.vk.com documents them and posts them to the community's server.</summary>
public sealed partial class VkSimulator
{
    /// <summary>Adds the callback server as a community admin does: VK posts "confirmation" and expects the code back.</summary>
    public async Task<bool> ConfirmServerAsync(long groupId, string url, CancellationToken ct = default)
    {
        var community = _communities[groupId];
        using var response = await http.PostAsJsonAsync(url, ConfirmationEvent(groupId), ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        community.CallbackUrl = url;
        community.Confirmed = response.IsSuccessStatusCode && answer == community.ConfirmationCode;
        return community.Confirmed;
    }

    /// <summary>The request VK sends to check a new callback server; the answer must be the confirmation code.</summary>
    public JsonObject ConfirmationEvent(long groupId) =>
        new() { ["type"] = "confirmation", ["group_id"] = groupId, ["secret"] = _communities[groupId].Secret };

    /// <summary>The message_reply VK posts for a message the community sent through messages.send.</summary>
    public JsonObject EchoEvent(long groupId, VkSentMessage sent)
    {
        var community = _communities[groupId];
        return NewEvent(community, "message_reply", NewMessage(community, sent.Id, sent.PeerId, -groupId, sent.Text, outgoing: true, sent.RandomId));
    }

    /// <summary>A user writes to the community (message_new); writing first lets the community answer.</summary>
    public JsonObject TextMessage(long groupId, long userId, string text) => IncomingMessage(groupId, userId, text, null);

    public JsonObject PhotoMessage(long groupId, long userId, string? text, byte[] largest, byte[]? small = null) =>
        IncomingMessage(groupId, userId, text, m =>
        {
            var smallUrl = StoreFile(small ?? [0xFF, 0xD8, 0xFF], "jpg");
            var largeUrl = StoreFile(largest, "jpg");
            m["attachments"] = new JsonArray(new JsonObject
            {
                ["type"] = "photo",
                ["photo"] = new JsonObject
                {
                    ["album_id"] = -3, ["date"] = Now(), ["id"] = Interlocked.Increment(ref _fileId), ["owner_id"] = userId,
                    ["access_key"] = "a" + Guid.NewGuid().ToString("N")[..16], ["has_tags"] = false, ["text"] = "",
                    // sizes in VK's order, the small first; the largest is not the last one on purpose (VK gives no order).
                    ["sizes"] = new JsonArray(
                        new JsonObject { ["height"] = 960, ["width"] = 1280, ["type"] = "z", ["url"] = largeUrl },
                        new JsonObject { ["height"] = 56, ["width"] = 75, ["type"] = "s", ["url"] = smallUrl }),
                },
            });
        });

    public JsonObject DocumentMessage(long groupId, long userId, string title, string ext, byte[] bytes) =>
        IncomingMessage(groupId, userId, null, m => m["attachments"] = new JsonArray(new JsonObject
        {
            ["type"] = "doc",
            ["doc"] = new JsonObject
            {
                ["id"] = Interlocked.Increment(ref _fileId), ["owner_id"] = userId, ["title"] = title, ["size"] = bytes.Length,
                ["ext"] = ext, ["date"] = Now(), ["type"] = 1, ["url"] = StoreFile(bytes, ext),
            },
        }));

    public JsonObject VoiceMessage(long groupId, long userId, byte[] ogg) =>
        IncomingMessage(groupId, userId, null, m => m["attachments"] = new JsonArray(new JsonObject
        {
            ["type"] = "audio_message",
            ["audio_message"] = new JsonObject
            {
                ["id"] = Interlocked.Increment(ref _fileId), ["owner_id"] = userId, ["duration"] = 4,
                ["waveform"] = new JsonArray(0, 5, 12, 7, 3), ["link_ogg"] = StoreFile(ogg, "ogg"), ["link_mp3"] = StoreFile(ogg, "mp3"),
                ["access_key"] = "k" + Guid.NewGuid().ToString("N")[..12],
            },
        }));

    public JsonObject GeoMessage(long groupId, long userId, double latitude, double longitude, string? place = null) =>
        IncomingMessage(groupId, userId, null, m =>
        {
            var geo = new JsonObject { ["type"] = "point", ["coordinates"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude } };
            if (place is not null) geo["place"] = new JsonObject { ["title"] = place };
            m["geo"] = geo;
        });

    /// <summary>The user edits a message they sent earlier (message_edit carries the message itself, with update_time).</summary>
    public JsonObject EditedMessage(long groupId, long userId, long messageId, string newText)
    {
        var community = _communities[groupId];
        var m = NewMessage(community, messageId, userId, userId, newText, outgoing: false, 0);
        m["update_time"] = Now();
        return NewEvent(community, "message_edit", m);
    }

    /// <summary>An admin of the community answers from VK's own interface: a message_reply VK sends us.</summary>
    public JsonObject AdminReply(long groupId, long userId, string text, long adminId = 1_000_001)
    {
        var community = _communities[groupId];
        var id = Interlocked.Increment(ref _messageId);
        community.Sent.Enqueue(new VkSentMessage(id, userId, 0, text, DateTimeOffset.UtcNow));
        var m = NewMessage(community, id, userId, -groupId, text, outgoing: true, RandomNumberGenerator.GetInt32(1, int.MaxValue));
        m["admin_author_id"] = adminId;
        return NewEvent(community, "message_reply", m);
    }

    /// <summary>The user pressed "allow messages" (message_allow) or "deny" (message_deny).</summary>
    public JsonObject AllowMessages(long groupId, long userId)
    {
        var community = _communities[groupId];
        community.Allowed[userId] = 1;
        return NewEvent(community, "message_allow", new JsonObject { ["user_id"] = userId, ["key"] = "promo" });
    }

    public JsonObject DenyMessages(long groupId, long userId)
    {
        var community = _communities[groupId];
        community.Allowed.TryRemove(userId, out _);
        return NewEvent(community, "message_deny", new JsonObject { ["user_id"] = userId });
    }

    /// <summary>Posts an event to the community's confirmed callback server, as VK does.</summary>
    public Task<HttpResponseMessage> DeliverAsync(long groupId, JsonObject @event, CancellationToken ct = default)
    {
        var community = _communities[groupId];
        if (community.CallbackUrl is not { } url || !community.Confirmed) throw new InvalidOperationException($"Community {groupId} has no confirmed callback server.");
        return DeliverAsync(url, @event, ct);
    }

    public Task<HttpResponseMessage> DeliverAsync(string url, JsonObject @event, CancellationToken ct = default) =>
        http.PostAsJsonAsync(url, @event, ct);

    private JsonObject IncomingMessage(long groupId, long userId, string? text, Action<JsonObject>? fill)
    {
        var community = _communities[groupId];
        community.Allowed[userId] = 1; // a user who wrote may be answered
        var m = NewMessage(community, Interlocked.Increment(ref _messageId), userId, userId, text ?? "", outgoing: false, 0);
        fill?.Invoke(m);
        var obj = new JsonObject
        {
            ["message"] = m,
            ["client_info"] = new JsonObject
            {
                ["button_actions"] = new JsonArray("text", "vkpay", "open_app", "location", "open_link", "callback"),
                ["keyboard"] = true, ["inline_keyboard"] = true, ["carousel"] = true, ["lang_id"] = 0,
            },
        };
        return NewEvent(community, "message_new", obj);
    }

    private static JsonObject NewMessage(VkCommunity c, long id, long peerId, long fromId, string text, bool outgoing, long randomId) => new()
    {
        ["date"] = Now(), ["from_id"] = fromId, ["id"] = id, ["out"] = outgoing ? 1 : 0, ["version"] = 10_000_000 + id,
        ["attachments"] = new JsonArray(), ["conversation_message_id"] = id - 900, ["fwd_messages"] = new JsonArray(),
        ["important"] = false, ["is_hidden"] = false, ["peer_id"] = peerId, ["random_id"] = randomId, ["text"] = text,
    };

    private static JsonObject NewEvent(VkCommunity c, string type, JsonObject obj) => new()
    {
        ["group_id"] = c.GroupId,
        ["type"] = type,
        ["event_id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
        ["v"] = ApiVersion,
        ["object"] = obj,
        ["secret"] = c.Secret,
    };
}
