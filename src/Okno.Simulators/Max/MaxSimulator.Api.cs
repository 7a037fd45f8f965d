using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Okno.Simulators.Max;

public sealed partial class MaxSimulator
{
    private async Task<IResult> HandleAsync(HttpContext ctx, string path)
    {
        JsonObject body = [];
        if (ctx.Request.HasJsonContentType())
        {
            try { body = await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject ?? []; }
            catch (JsonException) { return Error(400, "proto.payload", "Invalid JSON"); }
        }
        foreach (var q in ctx.Request.Query) body["?" + q.Key] = q.Value.ToString();
        _calls.Enqueue(new RecordedCall(ctx.Request.Method, path, ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()), body, DateTimeOffset.UtcNow));

        if (ctx.Request.Query.ContainsKey("access_token"))
            return Error(401, "verify.token", "Passing the token in query parameters is no longer supported: use the Authorization header");
        var token = ctx.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(token) || !_bots.TryGetValue(token, out var bot)) return Error(401, "verify.token", "Invalid access_token");
        if (TakeFailure(path) is { } f) return Error(f.Status, f.Code, f.Message, f.RetryAfter, ctx);

        return (ctx.Request.Method, path) switch
        {
            ("GET", "/me") => Results.Json(new JsonObject { ["user_id"] = bot.UserId, ["first_name"] = "Okno Test Bot", ["username"] = "okno_test_bot", ["is_bot"] = true }),
            ("POST", "/subscriptions") => Subscribe(bot, body),
            ("GET", "/subscriptions") => Results.Json(new JsonObject
            {
                ["subscriptions"] = bot.WebhookUrl is null ? new JsonArray()
                    : new JsonArray(new JsonObject { ["url"] = bot.WebhookUrl, ["time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), ["update_types"] = new JsonArray(bot.UpdateTypes.Select(t => (JsonNode)t).ToArray()) }),
            }),
            ("DELETE", "/subscriptions") => Unsubscribe(bot),
            ("POST", "/messages") => Send(bot, ctx, body),
            _ => Error(405, "method.not.allowed", "Method not allowed"),
        };
    }

    private static IResult Subscribe(MaxBot bot, JsonObject body)
    {
        var url = body["url"]?.GetValue<string>();
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out _)) return Error(400, "proto.payload", "url is required");
        var secret = body["secret"]?.GetValue<string>();
        if (secret is not null && (secret.Length is < 5 or > 256 || secret.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-'))))
            return Error(400, "proto.payload", "secret: only A-Z, a-z, 0-9 and hyphen, 5 to 256 characters");
        bot.WebhookUrl = url;
        bot.WebhookSecret = secret;
        bot.UpdateTypes = body["update_types"] is JsonArray types ? types.Select(t => t!.GetValue<string>()).ToList() : [];
        return Results.Json(new JsonObject { ["success"] = true });
    }

    private static IResult Unsubscribe(MaxBot bot)
    {
        bot.WebhookUrl = null;
        return Results.Json(new JsonObject { ["success"] = true });
    }

    private IResult Send(MaxBot bot, HttpContext ctx, JsonObject body)
    {
        if (!long.TryParse(ctx.Request.Query["user_id"], out var userId))
            return Error(400, "proto.payload", "user_id or chat_id is required");
        var text = body["text"]?.GetValue<string>() ?? "";
        if (text.Length == 0 && body["attachments"] is null) return Error(400, "proto.payload", "text or attachments are required");
        if (text.Length > 4000) return Error(400, "proto.payload", "text: length must be at most 4000");
        if (bot.Stopped.ContainsKey(userId)) return Error(403, "chat.denied", "chat.denied: dialog.suspended — the user has stopped the bot");
        if (!bot.Started.ContainsKey(userId)) return Error(404, "chat.not.found", "Chat not found");

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var seq = Interlocked.Increment(ref _seq);
        var mid = $"mid.{seq:x32}";
        bot.Sent.Enqueue(new MaxSentMessage(mid, userId, text, DateTimeOffset.UtcNow));
        return Results.Json(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["sender"] = new JsonObject { ["user_id"] = bot.UserId, ["first_name"] = "Okno Test Bot", ["username"] = "okno_test_bot", ["is_bot"] = true, ["last_activity_time"] = now },
                ["recipient"] = new JsonObject { ["chat_id"] = ChatIdOf(userId), ["chat_type"] = "dialog", ["user_id"] = userId },
                ["timestamp"] = now,
                ["body"] = new JsonObject { ["mid"] = mid, ["seq"] = seq, ["text"] = text },
            },
        });
    }

    private (int Status, string Code, string Message, int? RetryAfter)? TakeFailure(string path)
    {
        if (!_failures.TryPeek(out var f) || f.Path != path) return null;
        return _failures.TryDequeue(out f) ? (f.Status, f.Code, f.Message, f.RetryAfter) : null;
    }

    private static long ChatIdOf(long userId) => 9_000_000_000 + userId;
}
