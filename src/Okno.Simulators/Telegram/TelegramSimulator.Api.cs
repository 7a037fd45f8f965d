using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Okno.Simulators.Telegram;

public sealed partial class TelegramSimulator
{
    private async Task<IResult> HandleAsync(HttpContext context, string token, string method)
    {
        var body = await ReadParametersAsync(context.Request);
        _calls.Enqueue(new RecordedCall(context.Request.Method, $"/bot{token}/{method}",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()), body, DateTimeOffset.UtcNow));

        if (_revokedTokens.ContainsKey(token) || !token.Contains(':', StringComparison.Ordinal)) return Error(401, "Unauthorized");
        if (TakeFailure(method) is { } f) return Error(f.Code, f.Description, f.RetryAfter);

        return method switch
        {
            "getMe" => Ok(new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Okno Test Bot", ["username"] = "okno_test_bot" }),
            "setWebhook" => SetWebhook(body),
            "deleteWebhook" => DeleteWebhook(),
            "getUpdates" => await GetUpdatesAsync(body, context.RequestAborted),
            "sendMessage" => Send(body, "text"),
            "sendPhoto" or "sendDocument" => Send(body, method == "sendPhoto" ? "photo" : "document"),
            "getFile" => GetFile(body),
            _ => Error(404, "Not Found: method not found"),
        };
    }

    private IResult SetWebhook(JsonObject body)
    {
        WebhookUrl = body["url"]?.GetValue<string>();
        WebhookSecret = body["secret_token"]?.GetValue<string>();
        return Ok(true);
    }

    private IResult DeleteWebhook()
    {
        WebhookUrl = null;
        return Ok(true);
    }

    private async Task<IResult> GetUpdatesAsync(JsonObject body, CancellationToken ct)
    {
        if (WebhookUrl is not null) return Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        var offset = ReadLong(body["offset"]) ?? 0;
        var timeout = Math.Min(ReadLong(body["timeout"]) ?? 0, 50);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(timeout);
        while (true)
        {
            var ready = _pendingUpdates.Where(u => u["update_id"]!.GetValue<long>() >= offset).ToList();
            if (ready.Count > 0 || DateTimeOffset.UtcNow >= deadline || ct.IsCancellationRequested)
                return Ok(new JsonArray(ready.Select(u => (JsonNode)u.DeepClone()).ToArray()));
            try { await Task.Delay(50, ct); }
            catch (OperationCanceledException) { return Ok(new JsonArray()); }
        }
    }

    private IResult Send(JsonObject body, string kind)
    {
        var chatId = body["chat_id"]?.ToString();
        if (string.IsNullOrEmpty(chatId)) return Error(400, "Bad Request: chat_id is empty");
        if (_blockedBy.ContainsKey(chatId)) return Error(403, "Forbidden: bot was blocked by the user");
        if (!_knownChats.ContainsKey(chatId)) return Error(400, "Bad Request: chat not found");
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageId),
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Okno Test Bot" },
            ["chat"] = new JsonObject { ["id"] = long.Parse(chatId, CultureInfo.InvariantCulture), ["type"] = "private" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        if (kind == "text")
        {
            var text = body["text"]?.GetValue<string>();
            if (string.IsNullOrEmpty(text)) return Error(400, "Bad Request: message text is empty");
            if (text.Length > 4096) return Error(400, "Bad Request: message is too long");
            message["text"] = text;
        }
        else
        {
            if (body[kind] is null) return Error(400, $"Bad Request: there is no {kind} in the request");
            if (body["caption"] is { } caption) message["caption"] = caption.DeepClone();
            message[kind] = kind == "photo"
                ? new JsonArray(new JsonObject { ["file_id"] = "sent-photo", ["file_unique_id"] = "u1", ["width"] = 800, ["height"] = 600 })
                : new JsonObject { ["file_id"] = "sent-doc", ["file_unique_id"] = "u2", ["file_name"] = body[kind]!.ToString() };
        }
        return Ok(message);
    }

    private IResult GetFile(JsonObject body)
    {
        var fileId = body["file_id"]?.GetValue<string>() ?? "";
        if (!_filePaths.TryGetValue(fileId, out var path)) return Error(400, "Bad Request: invalid file_id");
        return Ok(new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "f" + fileId, ["file_size"] = _files[path].Length, ["file_path"] = path });
    }

    private (int Code, string Description, int? RetryAfter)? TakeFailure(string method)
    {
        if (!_failures.TryPeek(out var f) || f.Method != method) return null;
        return _failures.TryDequeue(out f) ? (f.Code, f.Description, f.RetryAfter) : null;
    }

    private static IResult Ok(JsonNode result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });

    private static IResult Error(int code, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = retryAfter is { } r ? $"Too Many Requests: retry after {r}" : description };
        if (retryAfter is { } after) body["parameters"] = new JsonObject { ["retry_after"] = after };
        return Results.Json(body, statusCode: code);
    }

    private static long? ReadLong(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when long.TryParse(v.ToString(), out var l) => l,
        _ => null,
    };

    /// <summary>The Bot API takes parameters as a query string, urlencoded or multipart form, or JSON.</summary>
    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request)
    {
        var result = new JsonObject();
        foreach (var q in request.Query) result[q.Key] = q.Value.ToString();
        if (request.HasJsonContentType())
        {
            if (await JsonNode.ParseAsync(request.Body) is JsonObject json)
                foreach (var p in json.ToList()) result[p.Key] = p.Value?.DeepClone();
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var f in form) result[f.Key] = f.Value.ToString();
            foreach (var file in form.Files) result[file.Name] = $"{file.FileName} ({file.Length} bytes, {file.ContentType})";
        }
        return result;
    }
}
