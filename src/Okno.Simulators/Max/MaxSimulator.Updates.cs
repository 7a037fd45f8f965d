using System.Text.Json.Nodes;

namespace Okno.Simulators.Max;

/// <summary>Builds Update objects as the MAX schema documents them and posts them to the bot's subscription.</summary>
public sealed partial class MaxSimulator
{
    public JsonObject TextUpdate(string token, long userId, string text, string firstName = "Борис", string? lastName = null) =>
        MessageCreated(token, userId, firstName, lastName, text, []);

    public JsonObject ImageUpdate(string token, long userId, string? text, byte[] bytes, string firstName = "Борис", string? lastName = null) =>
        MessageCreated(token, userId, firstName, lastName, text, [new JsonObject
        {
            ["type"] = "image",
            ["payload"] = new JsonObject { ["photo_id"] = 6_001_234_567_890 + Interlocked.Increment(ref _fileId), ["token"] = "Zm9v" + _fileId, ["url"] = StoreFile(bytes, "jpg") },
        }]);

    public JsonObject FileUpdate(string token, long userId, string fileName, byte[] bytes) =>
        MessageCreated(token, userId, "Борис", null, null, [new JsonObject
        {
            ["type"] = "file",
            ["payload"] = new JsonObject { ["url"] = StoreFile(bytes, "bin"), ["token"] = "dG9r" + _fileId },
            ["filename"] = fileName,
            ["size"] = bytes.Length,
        }]);

    /// <summary>The user shares a contact; with <paramref name="own"/> it is their own card (max_info is themselves).</summary>
    public JsonObject ContactUpdate(string token, long userId, string name, string phone, bool own = true) =>
        MessageCreated(token, userId, "Борис", null, null, [new JsonObject
        {
            ["type"] = "contact",
            ["payload"] = new JsonObject
            {
                ["vcf_info"] = $"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nTEL;TYPE=cell:{phone}\r\nEND:VCARD",
                ["max_info"] = own ? new JsonObject { ["user_id"] = userId, ["first_name"] = name, ["is_bot"] = false } : null,
            },
        }]);

    public JsonObject LocationUpdate(string token, long userId, double latitude, double longitude) =>
        MessageCreated(token, userId, "Борис", null, null, [new JsonObject { ["type"] = "location", ["latitude"] = latitude, ["longitude"] = longitude }]);

    /// <summary>The user pressed "Start" (optionally through a deep link with a payload).</summary>
    public JsonObject BotStarted(string token, long userId, string firstName = "Борис", string? payload = null)
    {
        var bot = _bots[token];
        bot.Started[userId] = 1;
        bot.Stopped.TryRemove(userId, out _);
        var update = new JsonObject
        {
            ["update_type"] = "bot_started",
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["chat_id"] = ChatIdOf(userId),
            ["user"] = new JsonObject { ["user_id"] = userId, ["first_name"] = firstName, ["is_bot"] = false, ["last_activity_time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
            ["user_locale"] = "ru",
        };
        if (payload is not null) update["payload"] = payload;
        return update;
    }

    /// <summary>The user stopped (blocked) the bot: sends to them answer 403 from now on.</summary>
    public JsonObject BotStopped(string token, long userId)
    {
        var bot = _bots[token];
        bot.Stopped[userId] = 1;
        return new JsonObject
        {
            ["update_type"] = "bot_stopped",
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["chat_id"] = ChatIdOf(userId),
            ["user"] = new JsonObject { ["user_id"] = userId, ["first_name"] = "Борис", ["is_bot"] = false },
            ["user_locale"] = "ru",
        };
    }

    /// <summary>Posts an update to the bot's subscription with its secret header, as MAX does.</summary>
    public Task<HttpResponseMessage> DeliverAsync(string token, JsonObject update, CancellationToken ct = default)
    {
        var bot = _bots[token];
        if (bot.WebhookUrl is not { } url) throw new InvalidOperationException("The bot has no subscription.");
        return DeliverAsync(url, bot.WebhookSecret, update, ct);
    }

    public async Task<HttpResponseMessage> DeliverAsync(string url, string? secret, JsonObject update, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = System.Net.Http.Json.JsonContent.Create(update) };
        if (secret is not null) request.Headers.Add(SecretHeader, secret);
        return await http.SendAsync(request, ct);
    }

    private JsonObject MessageCreated(string token, long userId, string firstName, string? lastName, string? text, JsonObject[] attachments)
    {
        var bot = _bots[token];
        bot.Started[userId] = 1; // a user who writes has the dialog open
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var seq = Interlocked.Increment(ref _seq);
        var sender = new JsonObject { ["user_id"] = userId, ["first_name"] = firstName, ["is_bot"] = false, ["last_activity_time"] = now };
        if (lastName is not null) sender["last_name"] = lastName;
        var body = new JsonObject { ["mid"] = $"mid.{seq:x32}", ["seq"] = seq, ["text"] = text };
        if (attachments.Length > 0) body["attachments"] = new JsonArray(attachments.Select(a => (JsonNode)a).ToArray());
        return new JsonObject
        {
            ["update_type"] = "message_created",
            ["timestamp"] = now,
            ["message"] = new JsonObject
            {
                ["sender"] = sender,
                ["recipient"] = new JsonObject { ["chat_id"] = ChatIdOf(userId), ["chat_type"] = "dialog", ["user_id"] = bot.UserId },
                ["timestamp"] = now,
                ["body"] = body,
            },
            ["user_locale"] = "ru",
        };
    }
}
