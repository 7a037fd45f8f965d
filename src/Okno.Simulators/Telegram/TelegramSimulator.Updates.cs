using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Okno.Simulators.Telegram;

/// <summary>Builds Update objects as the Bot API documents them, and delivers them by webhook or getUpdates.</summary>
public sealed partial class TelegramSimulator
{
    public JsonObject TextUpdate(long userId, string text, string firstName = "Иван", string? lastName = null) =>
        NewUpdate(userId, firstName, lastName, m => m["text"] = text);

    public JsonObject PhotoUpdate(long userId, string? caption, byte[] bytes, string firstName = "Иван") =>
        NewUpdate(userId, firstName, null, m =>
        {
            var fileId = "photo" + Interlocked.Increment(ref _messageId);
            StoreFile(fileId, $"photos/file_{fileId}.jpg", bytes);
            // PhotoSize array, smallest first; file ids of other sizes exist but only the largest is stored here.
            m["photo"] = new JsonArray(
                new JsonObject { ["file_id"] = fileId + "_s", ["file_unique_id"] = "s" + fileId, ["width"] = 90, ["height"] = 67, ["file_size"] = 1200 },
                new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "l" + fileId, ["width"] = 1280, ["height"] = 960, ["file_size"] = bytes.Length });
            if (caption is not null) m["caption"] = caption;
        });

    public JsonObject DocumentUpdate(long userId, string fileName, string mimeType, byte[] bytes, string? caption = null) =>
        NewUpdate(userId, "Иван", null, m =>
        {
            var fileId = "doc" + Interlocked.Increment(ref _messageId);
            StoreFile(fileId, $"documents/file_{fileId}", bytes);
            m["document"] = new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["file_name"] = fileName, ["mime_type"] = mimeType, ["file_size"] = bytes.Length };
            if (caption is not null) m["caption"] = caption;
        });

    /// <summary>The client pressed a "share my phone number" button: contact.user_id is their own id.</summary>
    public JsonObject SharedContactUpdate(long userId, string phoneNumber, string firstName = "Иван") =>
        NewUpdate(userId, firstName, null, m =>
            m["contact"] = new JsonObject { ["phone_number"] = phoneNumber, ["first_name"] = firstName, ["user_id"] = userId });

    public JsonObject EditedUpdate(long userId, long messageId, string newText)
    {
        var update = NewUpdate(userId, "Иван", null, m => m["text"] = newText);
        var m = (JsonObject)update["message"]!;
        update.Remove("message");
        m["message_id"] = messageId;
        m["edit_date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        update["edited_message"] = m;
        return update;
    }

    private JsonObject NewUpdate(long userId, string firstName, string? lastName, Action<JsonObject> fill)
    {
        _knownChats[userId.ToString(System.Globalization.CultureInfo.InvariantCulture)] = 1;
        var from = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = firstName, ["language_code"] = "ru" };
        if (lastName is not null) from["last_name"] = lastName;
        var chat = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = firstName };
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["from"] = from,
            ["chat"] = chat,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        fill(message);
        return new JsonObject { ["update_id"] = Interlocked.Increment(ref _updateId), ["message"] = message };
    }

    /// <summary>Posts an update to a webhook as Telegram does, with the secret token header.</summary>
    public async Task<HttpResponseMessage> DeliverAsync(string webhookUrl, string? secretToken, JsonObject update, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = JsonContent.Create(update) };
        if (secretToken is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secretToken);
        return await http.SendAsync(request, ct);
    }

    /// <summary>Queues an update for getUpdates (long-polling mode).</summary>
    public void EnqueueForPolling(JsonObject update) => _pendingUpdates.Enqueue(update);
}
