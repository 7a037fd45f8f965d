using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Okno.Simulators.WhatsAppCloud;

/// <summary>Builds webhook notifications as Meta documents them and posts them signed with the app secret.</summary>
public sealed partial class WhatsAppCloudSimulator
{
    public const string WabaId = "102290129340398";

    public JsonObject TextMessage(string phoneNumberId, string waId, string text, string name = "Иван Петров", DateTimeOffset? at = null) =>
        Message(phoneNumberId, waId, name, "text", new JsonObject { ["body"] = text }, at);

    /// <summary>A media message; the bytes are stored so that GET /{media-id} and its URL serve them.</summary>
    public JsonObject MediaMessage(string phoneNumberId, string waId, string type, byte[] bytes, string mimeType, string? caption = null, string? fileName = null, bool voice = false)
    {
        var content = new JsonObject { ["id"] = StoreMedia(bytes, mimeType), ["mime_type"] = mimeType, ["sha256"] = Convert.ToBase64String(SHA256.HashData(bytes)) };
        if (caption is not null) content["caption"] = caption;
        if (fileName is not null) content["filename"] = fileName;
        if (type == "audio") content["voice"] = voice;
        return Message(phoneNumberId, waId, "Иван Петров", type, content);
    }

    /// <summary>Any message type with its documented content object (interactive, location, contacts, button, reaction…).</summary>
    public JsonObject Message(string phoneNumberId, string waId, string name, string type, JsonNode content, DateTimeOffset? at = null)
    {
        var message = new JsonObject
        {
            ["from"] = waId,
            ["id"] = NextWamid(),
            ["timestamp"] = Seconds(at),
            ["type"] = type,
            [type] = content,
        };
        var contact = new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = waId };
        return Notification(phoneNumberId, new JsonObject { ["contacts"] = new JsonArray(contact), ["messages"] = new JsonArray(message) });
    }

    /// <summary>A user whose phone number is not shared: only the business-scoped user id (BSUID) and a username.</summary>
    public JsonObject BsuidTextMessage(string phoneNumberId, string userId, string text, string name, string username)
    {
        var message = new JsonObject { ["from_user_id"] = userId, ["id"] = NextWamid(), ["timestamp"] = Seconds(null), ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } };
        var contact = new JsonObject { ["profile"] = new JsonObject { ["name"] = name, ["username"] = username }, ["user_id"] = userId };
        return Notification(phoneNumberId, new JsonObject { ["contacts"] = new JsonArray(contact), ["messages"] = new JsonArray(message) });
    }

    /// <summary>A status of one of our messages; failed ones carry errors[] with code, title and details.</summary>
    public JsonObject Status(string phoneNumberId, string wamid, string status, string recipientId, long? errorCode = null, string? errorTitle = null)
    {
        var s = new JsonObject { ["id"] = wamid, ["status"] = status, ["timestamp"] = Seconds(null), ["recipient_id"] = recipientId };
        if (status != "failed")
            s["pricing"] = new JsonObject { ["billable"] = true, ["pricing_model"] = "PMP", ["category"] = "service", ["type"] = "free_customer_service" };
        if (errorCode is { } code)
            s["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = code,
                ["title"] = errorTitle ?? "Error",
                ["message"] = errorTitle ?? "Error",
                ["error_data"] = new JsonObject { ["details"] = errorTitle ?? "Error" },
            });
        return Notification(phoneNumberId, new JsonObject { ["statuses"] = new JsonArray(s) });
    }

    /// <summary>The wamid of the (first) message in a notification built here.</summary>
    public static string MessageId(JsonObject notification) =>
        notification["entry"]![0]!["changes"]![0]!["value"]!["messages"]![0]!["id"]!.GetValue<string>();

    private static JsonObject Notification(string phoneNumberId, JsonObject value)
    {
        var full = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "74950000000", ["phone_number_id"] = phoneNumberId },
        };
        foreach (var p in value.ToList()) { value.Remove(p.Key); full[p.Key] = p.Value; }
        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = WabaId,
                ["changes"] = new JsonArray(new JsonObject { ["value"] = full, ["field"] = "messages" }),
            }),
        };
    }

    private static string Seconds(DateTimeOffset? at) => (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The POST Meta makes: the raw JSON body and X-Hub-Signature-256 over exactly those bytes.</summary>
    public static HttpRequestMessage WebhookRequest(string webhookUrl, string? appSecret, JsonObject notification, string? signatureOverride = null)
    {
        var body = Encoding.UTF8.GetBytes(notification.ToJsonString());
        var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        var signature = signatureOverride ?? (appSecret is null ? null : "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body)));
        if (signature is not null) request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        return request;
    }

    /// <summary>The verification GET Meta makes when a callback URL is saved.</summary>
    public static string VerificationUrl(string webhookUrl, string verifyToken, string challenge, string mode = "subscribe") =>
        $"{webhookUrl}?hub.mode={Uri.EscapeDataString(mode)}&hub.verify_token={Uri.EscapeDataString(verifyToken)}&hub.challenge={Uri.EscapeDataString(challenge)}";

    public async Task<HttpResponseMessage> DeliverAsync(string webhookUrl, string appSecret, JsonObject notification, CancellationToken ct = default)
    {
        using var request = WebhookRequest(webhookUrl, appSecret, notification);
        return await http.SendAsync(request, ct);
    }
}
