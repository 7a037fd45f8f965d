using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Okno.Simulators.Waha;

/// <summary>Builds events as WAHA documents them (webhooks page) and posts them HMAC-SHA512 signed.</summary>
public sealed partial class WahaSimulator
{
    public JsonObject TextMessage(string session, string phone, string text, string name = "Иван Петров") =>
        Event("message", session, MessagePayload(phone, text, name));

    /// <summary>A media message as WAHA Plus delivers it: the file saved by WAHA and served under /api/files/….</summary>
    public JsonObject MediaMessage(string session, string phone, byte[] bytes, string mimeType, string? fileName, string? caption)
    {
        var payload = MessagePayload(phone, caption ?? "", "Иван Петров");
        var key = $"{payload["id"]}{Path.GetExtension(fileName ?? ".jpg")}";
        _files[key] = (bytes, mimeType);
        payload["hasMedia"] = true;
        payload["media"] = new JsonObject { ["url"] = $"{BaseUrl}/api/files/{key}", ["mimetype"] = mimeType, ["filename"] = fileName };
        return Event("message", session, payload);
    }

    /// <summary>message.any for one of our own sends (fromMe): same id as the send answered.</summary>
    public JsonObject OwnMessageAny(SentMessage sent) => Event("message.any", sent.Session, new JsonObject
    {
        ["id"] = sent.Id,
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["from"] = Me,
        ["fromMe"] = true,
        ["to"] = sent.ChatId,
        ["body"] = sent.Text ?? "",
        ["hasMedia"] = false,
        ["ack"] = 1,
    });

    /// <summary>
    /// message.any for a message the firm typed on the phone (fromMe, not sent through WAHA): from is the session's
    /// own number, to is the client's chat, the id starts with true_ (WAHA's webhooks page).
    /// </summary>
    public JsonObject FromPhone(string session, string phone, string text) => Event("message.any", session, new JsonObject
    {
        ["id"] = $"true_{phone}@c.us_{Guid.NewGuid().ToString("N").ToUpperInvariant()[..20]}",
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["from"] = Me,
        ["fromMe"] = true,
        ["to"] = phone + "@c.us",
        ["body"] = text,
        ["hasMedia"] = false,
        ["ack"] = 1,
        ["vCards"] = new JsonArray(),
        ["_data"] = new JsonObject { ["notifyName"] = "Okno Law", ["type"] = "chat" },
    });

    /// <summary>message.ack: −1 ERROR, 0 PENDING, 1 SERVER, 2 DEVICE, 3 READ, 4 PLAYED.</summary>
    public JsonObject Ack(SentMessage sent, int ack) => Event("message.ack", sent.Session, new JsonObject
    {
        ["id"] = sent.Id,
        ["from"] = sent.ChatId,
        ["participant"] = null,
        ["fromMe"] = true,
        ["ack"] = ack,
        ["ackName"] = ack switch { -1 => "ERROR", 0 => "PENDING", 1 => "SERVER", 2 => "DEVICE", 3 => "READ", _ => "PLAYED" },
    });

    public JsonObject SessionStatus(string session, string status)
    {
        SetStatus(session, status);
        return Event("session.status", session, new JsonObject { ["status"] = status });
    }

    private static JsonObject MessagePayload(string phone, string text, string name) => new()
    {
        ["id"] = $"false_{phone}@c.us_{Guid.NewGuid().ToString("N").ToUpperInvariant()}",
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["from"] = phone + "@c.us",
        ["fromMe"] = false,
        ["to"] = Me,
        ["body"] = text,
        ["hasMedia"] = false,
        ["ack"] = 1,
        ["vCards"] = new JsonArray(),
        ["_data"] = new JsonObject { ["notifyName"] = name, ["type"] = "chat" },
    };

    private static JsonObject Event(string name, string session, JsonObject payload) => new()
    {
        ["id"] = "evt_" + Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        ["event"] = name,
        ["session"] = session,
        ["metadata"] = new JsonObject(),
        ["me"] = new JsonObject { ["id"] = Me, ["pushName"] = "Okno Law" },
        ["payload"] = payload,
        ["engine"] = "WEBJS",
        ["environment"] = new JsonObject { ["tier"] = "PLUS", ["version"] = "2025.1.1", ["engine"] = "WEBJS", ["browser"] = "/usr/bin/chromium" },
    };

    /// <summary>The POST WAHA makes: the raw body with its HMAC-SHA512 (hex) and the algorithm header.</summary>
    public static HttpRequestMessage WebhookRequest(string webhookUrl, string? hmacKey, JsonObject evt, string? signatureOverride = null)
    {
        var body = Encoding.UTF8.GetBytes(evt.ToJsonString());
        var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        var signature = signatureOverride ?? (hmacKey is null ? null : Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(hmacKey), body)));
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Webhook-Hmac", signature);
            request.Headers.TryAddWithoutValidation("X-Webhook-Hmac-Algorithm", "sha512");
        }
        request.Headers.TryAddWithoutValidation("X-Webhook-Request-Id", evt["id"]?.ToString());
        request.Headers.TryAddWithoutValidation("X-Webhook-Timestamp", evt["timestamp"]?.ToString());
        return request;
    }

    public async Task<HttpResponseMessage> DeliverAsync(string webhookUrl, string hmacKey, JsonObject evt, CancellationToken ct = default)
    {
        using var request = WebhookRequest(webhookUrl, hmacKey, evt);
        return await http.SendAsync(request, ct);
    }
}
