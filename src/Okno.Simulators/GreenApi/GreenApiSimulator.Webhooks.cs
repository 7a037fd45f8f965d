using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Okno.Simulators.GreenApi;

/// <summary>Builds notifications as Green-API documents them (notifications-format pages) and posts them with the token.</summary>
public sealed partial class GreenApiSimulator
{
    public const string OwnWid = "74950000001@c.us";

    public JsonObject IncomingText(string idInstance, string phone, string text, string name = "Иван Петров") =>
        Incoming("incomingMessageReceived", idInstance, phone, name, new JsonObject
        {
            ["typeMessage"] = "textMessage",
            ["textMessageData"] = new JsonObject { ["textMessage"] = text },
        });

    /// <summary>imageMessage / documentMessage / audioMessage / videoMessage: the file is served at downloadUrl.</summary>
    public JsonObject IncomingFile(string idInstance, string phone, string typeMessage, byte[] bytes, string mimeType, string fileName, string? caption = null)
    {
        var key = Guid.NewGuid().ToString("N") + Path.GetExtension(fileName);
        _files[key] = (bytes, mimeType);
        return Incoming("incomingMessageReceived", idInstance, phone, "Иван Петров", new JsonObject
        {
            ["typeMessage"] = typeMessage,
            ["fileMessageData"] = new JsonObject
            {
                ["downloadUrl"] = $"{BaseUrl}/files/{key}",
                ["caption"] = caption ?? "",
                ["fileName"] = fileName,
                ["jpegThumbnail"] = "",
                ["mimeType"] = mimeType,
                ["isForwarded"] = false,
                ["forwardingScore"] = 0,
            },
        });
    }

    /// <summary>Any incoming messageData as documented (locationMessage, contactMessage, extendedTextMessage, quotedMessage…).</summary>
    public JsonObject IncomingData(string idInstance, string phone, JsonObject messageData, string name = "Иван Петров") =>
        Incoming("incomingMessageReceived", idInstance, phone, name, messageData);

    /// <summary>
    /// A message the firm typed on the phone itself (outgoingMessageReceived): chatId and chatName are the client's
    /// chat, sender is the instance's own wid (the documented example).
    /// </summary>
    public JsonObject OutgoingFromPhone(string idInstance, string phone, string text, string clientName = "Иван Петров") =>
        Incoming("outgoingMessageReceived", idInstance, phone, clientName, new JsonObject
        {
            ["typeMessage"] = "textMessage",
            ["textMessageData"] = new JsonObject { ["textMessage"] = text },
        });

    /// <summary>The echo Green-API sends for a message sent through the API: same idMessage as the send answered.</summary>
    public JsonObject ApiEcho(SentMessage sent)
    {
        var echo = Incoming("outgoingAPIMessageReceived", sent.IdInstance, sent.ChatId[..sent.ChatId.IndexOf('@', StringComparison.Ordinal)], "Okno Law", new JsonObject
        {
            ["typeMessage"] = "textMessage",
            ["textMessageData"] = new JsonObject { ["textMessage"] = sent.Text ?? "" },
        });
        echo["idMessage"] = sent.IdMessage;
        return echo;
    }

    public JsonObject MessageStatus(SentMessage sent, string status, string? description = null)
    {
        var n = new JsonObject
        {
            ["typeWebhook"] = "outgoingMessageStatus",
            ["chatId"] = sent.ChatId,
            ["instanceData"] = InstanceData(sent.IdInstance),
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["idMessage"] = sent.IdMessage,
            ["status"] = status,
            ["sendByApi"] = true,
        };
        if (description is not null) n["description"] = description;
        return n;
    }

    /// <summary>stateInstanceChanged; the instance's state (what getStateInstance answers) changes with it.</summary>
    public JsonObject StateChanged(string idInstance, string state)
    {
        SetState(idInstance, state);
        return new JsonObject
        {
            ["typeWebhook"] = "stateInstanceChanged",
            ["instanceData"] = InstanceData(idInstance),
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["stateInstance"] = state,
        };
    }

    private static JsonObject Incoming(string type, string idInstance, string phone, string name, JsonObject messageData)
    {
        var chatId = phone + "@c.us";
        return new JsonObject
        {
            ["typeWebhook"] = type,
            ["instanceData"] = InstanceData(idInstance),
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["idMessage"] = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            ["senderData"] = new JsonObject
            {
                ["chatId"] = chatId,
                ["sender"] = type == "incomingMessageReceived" ? chatId : OwnWid,
                ["chatName"] = name,
                ["senderName"] = type == "incomingMessageReceived" ? name : "Okno Law",
                ["senderContactName"] = type == "incomingMessageReceived" ? name : "",
            },
            ["messageData"] = messageData,
        };
    }

    private static JsonObject InstanceData(string idInstance) =>
        new() { ["idInstance"] = long.Parse(idInstance, System.Globalization.CultureInfo.InvariantCulture), ["wid"] = OwnWid, ["typeInstance"] = "whatsapp" };

    /// <summary>The POST Green-API makes: the notification as JSON with Authorization: Bearer &lt;webhookUrlToken&gt; when one is set.</summary>
    public static HttpRequestMessage WebhookRequest(string webhookUrl, string? webhookToken, JsonObject notification)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = JsonContent.Create(notification) };
        if (webhookToken is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + webhookToken);
        return request;
    }

    public async Task<HttpResponseMessage> DeliverAsync(string webhookUrl, string webhookToken, JsonObject notification, CancellationToken ct = default)
    {
        using var request = WebhookRequest(webhookUrl, webhookToken, notification);
        return await http.SendAsync(request, ct);
    }
}
