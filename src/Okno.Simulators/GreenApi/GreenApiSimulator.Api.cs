using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Okno.Simulators.GreenApi;

public sealed partial class GreenApiSimulator
{
    [GeneratedRegex(@"^\d{5,20}@(c|g)\.us$")]
    private static partial Regex ChatIdFormat();

    private async Task<IResult> HandleAsync(HttpContext context, string idInstance, string method, string token)
    {
        var arrived = DateTimeOffset.UtcNow; // before the body is read: tests measure the pace of our sends by it
        var body = await SimRequest.ReadAsync(context.Request);
        _calls.Enqueue(new RecordedCall(context.Request.Method, context.Request.Path.Value ?? "", SimRequest.Headers(context.Request), body, arrived));
        if (string.IsNullOrEmpty(token) || _revokedTokens.ContainsKey(token) || !idInstance.All(char.IsAsciiDigit))
            return Results.Text("", statusCode: 401);
        if (TakeFailure(method) is { } f) return Results.Text(f.Body, "application/json", statusCode: f.Status);

        return (context.Request.Method, method) switch
        {
            ("POST", "sendMessage") => Send(idInstance, body, method, "message", 20_000),
            ("POST", "sendFileByUrl") => body.Str("urlFile") is { Length: > 0 } && body.Str("fileName") is { Length: > 0 }
                ? Send(idInstance, body, method, "caption", 1024, optionalText: true)
                : Validation("'urlFile' and 'fileName' are required"),
            ("POST", "sendFileByUpload") => body.Str("file") is { Length: > 0 }
                ? Send(idInstance, body, method, "caption", 1024, optionalText: true)
                : Validation("'file' is required"),
            ("POST", "setSettings") => SetSettings(idInstance, body),
            ("GET", "getSettings") => Results.Json(_settings.GetValueOrDefault(idInstance) ?? []),
            ("GET", "getStateInstance") => Results.Json(new JsonObject { ["stateInstance"] = StateOf(idInstance) }),
            _ => Results.Text("", statusCode: 404),
        };
    }

    private IResult Send(string idInstance, JsonObject body, string method, string textField, int maxText, bool optionalText = false)
    {
        var chatId = body.Str("chatId");
        if (chatId is null || !ChatIdFormat().IsMatch(chatId)) return Validation("'chatId' must be like 79001234567@c.us");
        var text = body.Str(textField);
        if (!optionalText && string.IsNullOrEmpty(text)) return Validation($"'{textField}' is required");
        if (text is not null && text.Length > maxText) return Validation($"'{textField}' must be at most {maxText} characters");
        var id = Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();
        _sent.Enqueue(new SentMessage(idInstance, chatId, id, method, text, DateTimeOffset.UtcNow));
        var answer = new JsonObject { ["idMessage"] = id };
        if (method == "sendFileByUpload") answer["urlFile"] = $"{BaseUrl}/files/{id}";
        return Results.Json(answer);
    }

    private IResult SetSettings(string idInstance, JsonObject body)
    {
        var current = _settings.GetOrAdd(idInstance, _ => []);
        lock (current)
            foreach (var p in body.ToList()) current[p.Key] = p.Value?.DeepClone();
        return Results.Json(new JsonObject { ["saveSettings"] = true });
    }

    private static IResult Validation(string details) =>
        Results.Json(new JsonObject { ["message"] = "Validation failed. Details: " + details }, statusCode: 400);

    private (int Status, string Body)? TakeFailure(string method)
    {
        if (!_failures.TryPeek(out var f) || f.Method != method) return null;
        return _failures.TryDequeue(out f) ? (f.Status, f.Body) : null;
    }
}
