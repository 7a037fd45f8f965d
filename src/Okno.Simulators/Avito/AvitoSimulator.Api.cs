using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Okno.Simulators.Avito;

public sealed partial class AvitoSimulator
{
    private async Task<IResult> TokenAsync(HttpContext ctx)
    {
        var body = await RecordAsync(ctx);
        if (!ctx.Request.HasFormContentType) return Results.Json(new JsonObject { ["error"] = "invalid_request" }, statusCode: 400);
        if (body["grant_type"]?.ToString() != "client_credentials") return Results.Json(new JsonObject { ["error"] = "unsupported_grant_type" }, statusCode: 400);
        var clientId = body["client_id"]?.ToString() ?? "";
        if (!_clients.TryGetValue(clientId, out var secret) || secret != body["client_secret"]?.ToString())
            return Results.Json(new JsonObject { ["error"] = "invalid_client", ["error_description"] = "Client authentication failed" }, statusCode: 400);
        var token = $"avito-token-{Interlocked.Increment(ref _tokenSeq)}-{Guid.NewGuid():N}";
        var lifetime = _expiresIn.GetValueOrDefault(clientId, 86400);
        _tokens[token] = (clientId, DateTimeOffset.UtcNow.AddSeconds(lifetime));
        return Results.Json(new JsonObject { ["access_token"] = token, ["expires_in"] = lifetime, ["token_type"] = "Bearer" });
    }

    private async Task<IResult> WithAuthAsync(HttpContext ctx, Func<string, JsonObject, Task<IResult>> handler)
    {
        var body = await RecordAsync(ctx);
        var auth = ctx.Request.Headers.Authorization.ToString();
        if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.TryGetValue(auth[7..], out var owner) || owner.ExpiresAt <= DateTimeOffset.UtcNow)
            return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = 401, ["message"] = "Unauthorized" } }, statusCode: 401);
        return await handler(owner.ClientId, body);
    }

    private Task<IResult> SubscribeAsync(string clientId, JsonObject body)
    {
        if (body["url"]?.ToString() is not { Length: > 0 } url) return Task.FromResult(Error(400, "url is required"));
        _webhooks[clientId] = url;
        return Task.FromResult(Results.Json(new JsonObject { ["ok"] = true }));
    }

    private Task<IResult> ListAsync(string userId, string chatId)
    {
        var messages = new JsonArray(_chats.TryGetValue(chatId, out var list) ? list.Select(m => (JsonNode)m.DeepClone()).Reverse().ToArray() : []);
        JsonNode result = _wrappedLists.ContainsKey(userId) ? new JsonObject { ["messages"] = messages } : messages;
        return Task.FromResult(Results.Json(result));
    }

    private Task<IResult> SendText(string chatId, JsonObject body)
    {
        if (body["type"]?.ToString() != "text" || body["message"]?["text"]?.ToString() is not { Length: > 0 } text)
            return Task.FromResult(Error(400, "message.text and type=text are required"));
        if (text.Length > 1000) return Task.FromResult(Error(400, "text is too long"));
        var message = Store(chatId, null, "out", "text", new JsonObject { ["text"] = text });
        return Task.FromResult(Results.Json(Public(message)));
    }

    private Task<IResult> SendImage(string chatId, JsonObject body)
    {
        if (body["image_id"]?.ToString() is not { Length: > 0 } imageId || !_images.ContainsKey(imageId + "-1280x960.jpg"))
            return Task.FromResult(Error(400, "unknown image_id"));
        var message = Store(chatId, null, "out", "image", new JsonObject { ["image"] = new JsonObject { ["sizes"] = Sizes(imageId) } });
        return Task.FromResult(Results.Json(Public(message)));
    }

    private Task<IResult> Upload(JsonObject body)
    {
        if (body["uploadfile[]"] is not JsonValue) return Task.FromResult(Error(400, "uploadfile[] is required"));
        var imageId = $"{Interlocked.Increment(ref _messageSeq)}.{Guid.NewGuid():N}";
        _images[imageId + "-1280x960.jpg"] = [0xFF, 0xD8, 0xFF];
        return Task.FromResult(Results.Json(new JsonObject { [imageId] = Sizes(imageId) }));
    }

    /// <summary>GET /messenger/v2/accounts/{user_id}/chats?unread_only=&amp;chat_types=: {"chats":[{id, context:{type:"item",value:{id}}, …}]}.</summary>
    private Task<IResult> ListChats(long userId, JsonObject query)
    {
        var unreadOnly = query["unread_only"]?.ToString() == "true";
        var chats = new JsonArray();
        foreach (var (chatId, info) in _chatInfo.Where(c => c.Value.UserId == userId))
        {
            var messages = _chats.TryGetValue(chatId, out var list) ? list.ToArray() : [];
            if (unreadOnly && !messages.Any(m => m["direction"]?.ToString() == "in" && m["is_read"]?.GetValue<bool>() == false)) continue;
            var chat = new JsonObject { ["id"] = chatId, ["created"] = messages.FirstOrDefault()?["created"]?.DeepClone(), ["users"] = new JsonArray() };
            if (info.ItemId is { } item) chat["context"] = new JsonObject { ["type"] = "item", ["value"] = new JsonObject { ["id"] = item, ["title"] = "Консультация юриста" } };
            chats.Add(chat);
        }
        return Task.FromResult(Results.Json(new JsonObject { ["chats"] = chats }));
    }

    private Task<IResult> MarkRead(string chatId)
    {
        if (_chats.TryGetValue(chatId, out var list))
            foreach (var m in list.Where(m => m["direction"]?.ToString() == "in")) lock (m) m["is_read"] = true;
        return Task.FromResult(Results.Json(new JsonObject { ["ok"] = true }));
    }

    /// <summary>Whether the client's messages in the chat are all marked read.</summary>
    public bool IsChatRead(string chatId) =>
        _chats.TryGetValue(chatId, out var list) && list.Where(m => m["direction"]?.ToString() == "in").All(m => { lock (m) return m["is_read"]?.GetValue<bool>() == true; });

    private JsonObject Sizes(string imageId) => new()
    {
        ["140x105"] = $"{BaseUrl}/images/{imageId}-140x105.jpg",
        ["1280x960"] = $"{BaseUrl}/images/{imageId}-1280x960.jpg",
        ["640x480"] = $"{BaseUrl}/images/{imageId}-640x480.jpg",
    };

    /// <summary>A message as the list API shows it; "author_id" is kept internally for inbound ones.</summary>
    private JsonObject Store(string chatId, long? authorId, string direction, string type, JsonObject content, long? created = null)
    {
        var message = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("N"),
            ["author_id"] = authorId,
            ["created"] = created ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["direction"] = direction,
            ["type"] = type,
            ["content"] = content,
            ["is_read"] = false,
        };
        _chats.GetOrAdd(chatId, _ => new()).Enqueue(message);
        return message;
    }

    private static JsonObject Public(JsonObject message)
    {
        var copy = (JsonObject)message.DeepClone();
        copy.Remove("author_id");
        copy.Remove("is_read");
        return copy;
    }

    private static IResult Error(int code, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, statusCode: code);

    private async Task<JsonObject> RecordAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        var body = new JsonObject();
        foreach (var q in request.Query) body[q.Key] = q.Value.ToString();
        if (request.HasJsonContentType())
        {
            if (await JsonNode.ParseAsync(request.Body) is JsonObject json)
                foreach (var p in json.ToList()) body[p.Key] = p.Value?.DeepClone();
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var f in form) body[f.Key] = f.Value.ToString();
            foreach (var file in form.Files) body[file.Name] = $"{file.FileName} ({file.Length.ToString(CultureInfo.InvariantCulture)} bytes, {file.ContentType})";
        }
        var recorded = (JsonObject)body.DeepClone();
        if (recorded.ContainsKey("client_secret")) recorded["client_secret"] = "***";
        _calls.Enqueue(new RecordedCall(request.Method, request.Path.Value ?? "", request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()), recorded, DateTimeOffset.UtcNow));
        return body;
    }
}
