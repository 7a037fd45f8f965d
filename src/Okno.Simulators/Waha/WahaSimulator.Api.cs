using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Okno.Simulators.Waha;

public sealed partial class WahaSimulator
{
    private async Task<IResult> HandleAsync(HttpContext context, string method)
    {
        var body = await SimRequest.ReadAsync(context.Request);
        Record(context, body);
        if (context.Request.Headers["X-Api-Key"].ToString() != ApiKey) return Unauthorized();
        if (TakeFailure(method) is { } status) return Results.Json(new JsonObject { ["statusCode"] = status, ["message"] = "Scripted failure" }, statusCode: status);
        if (method is not ("sendText" or "sendImage" or "sendFile")) return Results.Json(new JsonObject { ["statusCode"] = 404, ["message"] = $"Cannot POST /api/{method}" }, statusCode: 404);

        var session = body.Str("session") ?? "default";
        if (StatusOf(session) != "WORKING")
            return Results.Json(new JsonObject
            {
                ["statusCode"] = 422,
                ["message"] = "Session status is not as expected. Try again later or restart the session",
                ["session"] = session,
                ["status"] = StatusOf(session),
                ["expected"] = new JsonArray("WORKING"),
            }, statusCode: 422);
        var chatId = body.Str("chatId");
        if (string.IsNullOrEmpty(chatId) || !chatId.Contains('@', StringComparison.Ordinal)) return BadRequest("chatId must be like 79111111111@c.us");
        string? text;
        if (method == "sendText")
        {
            text = body.Str("text");
            if (string.IsNullOrEmpty(text)) return BadRequest("text should not be empty");
        }
        else
        {
            if (body["file"] is not JsonObject file || (file.Str("url") is null && file.Str("data") is null)) return BadRequest("file.url or file.data is required");
            text = body.Str("caption");
        }

        var id = $"true_{chatId}_{Guid.NewGuid().ToString("N")[..20].ToUpperInvariant()}";
        _sent.Enqueue(new SentMessage(session, chatId, id, method, text));
        return Results.Json(new JsonObject
        {
            ["id"] = id,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["from"] = Me,
            ["fromMe"] = true,
            ["to"] = chatId,
            ["body"] = text ?? "",
            ["hasMedia"] = method != "sendText",
            ["ack"] = 1,
            ["ackName"] = "SERVER",
        }, statusCode: 201);
    }

    private IResult GetSession(HttpContext context, string session)
    {
        Record(context, []);
        if (context.Request.Headers["X-Api-Key"].ToString() != ApiKey) return Unauthorized();
        return Results.Json(new JsonObject
        {
            ["name"] = session,
            ["status"] = StatusOf(session),
            ["me"] = new JsonObject { ["id"] = Me, ["pushName"] = "Okno Law" },
            ["engine"] = new JsonObject { ["engine"] = "WEBJS" },
        });
    }

    private IResult GetFile(HttpContext context, string name)
    {
        Record(context, []);
        if (context.Request.Headers["X-Api-Key"].ToString() != ApiKey) return Unauthorized();
        return _files.TryGetValue(name, out var f) ? Results.Bytes(f.Bytes, f.MimeType) : Results.NotFound();
    }

    private void Record(HttpContext context, JsonObject body) =>
        _calls.Enqueue(new RecordedCall(context.Request.Method, context.Request.Path.Value ?? "", SimRequest.Headers(context.Request), body, DateTimeOffset.UtcNow));

    private static IResult Unauthorized() => Results.Json(new JsonObject { ["message"] = "Unauthorized", ["statusCode"] = 401 }, statusCode: 401);

    private static IResult BadRequest(string message) =>
        Results.Json(new JsonObject { ["statusCode"] = 400, ["message"] = new JsonArray(message), ["error"] = "Bad Request" }, statusCode: 400);

    private int? TakeFailure(string method)
    {
        if (!_failures.TryPeek(out var f) || f.Method != method) return null;
        return _failures.TryDequeue(out f) ? f.Status : null;
    }
}
