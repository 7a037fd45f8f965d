using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Okno.Simulators.WhatsAppCloud;

public sealed partial class WhatsAppCloudSimulator
{
    private static readonly HashSet<string> MessageTypes = ["text", "image", "video", "audio", "document", "sticker", "template", "location", "contacts", "interactive", "reaction"];

    private async Task<IResult> SendAsync(HttpContext context, string version, string phoneNumberId)
    {
        var body = await SimRequest.ReadAsync(context.Request);
        Record(context, body);
        if (Unauthorized(context) is { } denied) return denied;
        if (TakeFailure("messages") is { } f) return Error(f.HttpStatus, f.Code, f.Message);

        if (body.Str("messaging_product") != "whatsapp") return Error(400, 100, "(#100) The parameter messaging_product is required.");
        // "to" is a phone number; "recipient" a business-scoped user id (BSUID); "to" wins when both are given.
        var to = body.Str("to");
        var recipient = body.Str("recipient");
        if (string.IsNullOrEmpty(to) && string.IsNullOrEmpty(recipient)) return Error(400, 100, "(#100) The parameter to is required.");
        var type = body.Str("type") ?? "text";
        if (!MessageTypes.Contains(type)) return Error(400, 100, $"(#100) Param type must be one of {{{string.Join(", ", MessageTypes)}}} - got \"{type}\".");
        if (body[type] is not JsonObject content) return Error(400, 100, $"(#100) The parameter {type} is required.");
        switch (type)
        {
            case "text":
                var text = content.Str("body");
                if (string.IsNullOrEmpty(text)) return Error(400, 100, "(#100) The parameter text['body'] is required.");
                if (text.Length > 4096) return Error(400, 100, "(#100) Param text['body'] must be at most 4096 characters long.");
                break;
            case "template":
                if (content.Str("name") is null || (content["language"] as JsonObject)?.Str("code") is null)
                    return Error(400, 100, "(#100) The parameter template['name'] and template['language']['code'] are required.");
                break;
            case "image" or "video" or "audio" or "document" or "sticker":
                if (content.Str("link") is null && content.Str("id") is null) return Error(400, 100, $"(#100) Param {type} must have a link or an id.");
                if (content.Str("id") is { } id && !_media.ContainsKey(id)) return Error(400, 131053, "(#131053) Media upload error");
                if (content.Str("caption") is { Length: > 1024 }) return Error(400, 100, "(#100) Param caption must be at most 1024 characters long.");
                break;
        }

        var message = new JsonObject { ["id"] = NextWamid() };
        if (type == "template") message["message_status"] = "accepted";
        return Results.Json(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(string.IsNullOrEmpty(to)
                ? new JsonObject { ["input"] = recipient, ["user_id"] = recipient }
                : new JsonObject { ["input"] = to, ["wa_id"] = new string(to.Where(char.IsAsciiDigit).ToArray()) }),
            ["messages"] = new JsonArray(message),
        });
    }

    private async Task<IResult> UploadAsync(HttpContext context, string version, string phoneNumberId)
    {
        if (!context.Request.HasFormContentType)
        {
            Record(context, []);
            return Error(400, 100, "(#100) Upload must be multipart/form-data.");
        }
        var form = await context.Request.ReadFormAsync();
        var body = new JsonObject();
        foreach (var f in form) body[f.Key] = f.Value.ToString();
        foreach (var file in form.Files) body[file.Name] = $"{file.FileName} ({file.Length} bytes, {file.ContentType})";
        Record(context, body);
        if (Unauthorized(context) is { } denied) return denied;
        if (TakeFailure("media") is { } fail) return Error(fail.HttpStatus, fail.Code, fail.Message);
        if (body.Str("messaging_product") != "whatsapp") return Error(400, 100, "(#100) The parameter messaging_product is required.");
        if (form.Files.GetFile("file") is not { } upload) return Error(400, 100, "(#100) The parameter file is required.");
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer);
        return Results.Json(new JsonObject { ["id"] = StoreMedia(buffer.ToArray(), body.Str("type") ?? upload.ContentType) });
    }

    /// <summary>GET /{id}: a media id → its short-lived URL; a phone number id → the number (the connector's credential check).</summary>
    private IResult GetNode(HttpContext context, string version, string id)
    {
        Record(context, []);
        if (Unauthorized(context) is { } denied) return denied;
        if (_media.TryGetValue(id, out var media))
            return Results.Json(new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["url"] = $"{BaseUrl}/lookaside/{id}",
                ["mime_type"] = media.MimeType,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(media.Bytes)),
                ["file_size"] = media.Bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["id"] = id,
            });
        if (id.All(char.IsAsciiDigit))
            return Results.Json(new JsonObject { ["display_phone_number"] = "+7 495 000-00-00", ["verified_name"] = "Okno Law", ["id"] = id });
        return Error(400, 100, $"(#100) Unsupported get request. Object with ID '{id}' does not exist.");
    }

    /// <summary>The media URL also needs the Bearer token.</summary>
    private IResult Lookaside(HttpContext context, string mediaId)
    {
        Record(context, []);
        if (Unauthorized(context) is { } denied) return denied;
        return _media.TryGetValue(mediaId, out var media) ? Results.Bytes(media.Bytes, media.MimeType) : Results.NotFound();
    }

    private void Record(HttpContext context, JsonObject body) =>
        _calls.Enqueue(new RecordedCall(context.Request.Method, context.Request.Path.Value ?? "", SimRequest.Headers(context.Request), body, DateTimeOffset.UtcNow));

    private IResult? Unauthorized(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : "";
        return token.Length == 0 || _revokedTokens.ContainsKey(token)
            ? Error(401, 190, "Error validating access token: Session has expired.", "OAuthException")
            : null;
    }

    private (int HttpStatus, long Code, string Message)? TakeFailure(string endpoint)
    {
        if (!_failures.TryPeek(out var f) || f.Endpoint != endpoint) return null;
        return _failures.TryDequeue(out f) ? (f.HttpStatus, f.Code, f.Message) : null;
    }

    private static IResult Error(int httpStatus, long code, string message, string type = "OAuthException") => Results.Json(new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = type,
            ["code"] = code,
            ["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = message },
            ["fbtrace_id"] = "A" + Guid.NewGuid().ToString("N")[..20],
        },
    }, statusCode: httpStatus);
}
