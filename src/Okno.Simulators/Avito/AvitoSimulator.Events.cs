using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Okno.Simulators.Avito;

/// <summary>Webhook v3 bodies as Avito posts them, for messages the API then confirms (or, forged, does not).</summary>
public sealed partial class AvitoSimulator
{
    /// <summary>A client's text message about an ad (u2i chat): stored in the chat, so the list API confirms it.</summary>
    public JsonObject ClientText(long userId, string chatId, long authorId, string text, long? itemId = null)
    {
        _chatInfo.TryAdd(chatId, (userId, itemId));
        var message = Store(chatId, authorId, "in", "text", new JsonObject { ["text"] = text });
        return Webhook(userId, chatId, authorId, message, itemId);
    }

    /// <summary>A client's photo; the stand-in serves its sizes, the 1280x960 one with <paramref name="bytes"/>.</summary>
    public JsonObject ClientImage(long userId, string chatId, long authorId, byte[] bytes, long? itemId = null)
    {
        var imageId = $"{Interlocked.Increment(ref _messageSeq)}.{Guid.NewGuid():N}";
        _images[imageId + "-1280x960.jpg"] = bytes;
        _images[imageId + "-640x480.jpg"] = [1, 2];
        _images[imageId + "-140x105.jpg"] = [1];
        _chatInfo.TryAdd(chatId, (userId, itemId));
        var message = Store(chatId, authorId, "in", "image", new JsonObject { ["image"] = new JsonObject { ["sizes"] = Sizes(imageId) } });
        return Webhook(userId, chatId, authorId, message, itemId);
    }

    /// <summary>Our own message (sent from Avito's app or through the API) as it comes back by webhook.</summary>
    public JsonObject OwnEcho(long userId, string chatId, string text)
    {
        var message = Store(chatId, userId, "out", "text", new JsonObject { ["text"] = text });
        return Webhook(userId, chatId, userId, message, null);
    }

    /// <summary>A webhook body for a message Avito never had: the list API does not show it.</summary>
    public JsonObject Forged(long userId, string chatId, long authorId, string text, long? itemId = null)
    {
        var message = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("N"), ["author_id"] = authorId, ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["type"] = "text", ["content"] = new JsonObject { ["text"] = text },
        };
        return Webhook(userId, chatId, authorId, message, itemId);
    }

    private static JsonObject Webhook(long userId, string chatId, long? authorId, JsonObject message, long? itemId)
    {
        var value = new JsonObject
        {
            ["id"] = message["id"]!.DeepClone(),
            ["chat_id"] = chatId,
            ["user_id"] = userId,
            ["author_id"] = authorId,
            ["created"] = message["created"]!.DeepClone(),
            ["type"] = message["type"]!.DeepClone(),
            ["chat_type"] = itemId is null ? "u2u" : "u2i",
            ["content"] = message["content"]!.DeepClone(),
            ["published_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (itemId is { } item) value["item_id"] = item;
        return new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["version"] = "v3.0.0",
            ["timestamp"] = message["created"]!.DeepClone(),
            ["payload"] = new JsonObject { ["type"] = "message", ["value"] = value },
        };
    }

    /// <summary>Posts a webhook as Avito does: JSON, no signature.</summary>
    public Task<HttpResponseMessage> DeliverAsync(string webhookUrl, JsonObject body, CancellationToken ct = default) =>
        http.PostAsync(webhookUrl, JsonContent.Create(body), ct);
}
