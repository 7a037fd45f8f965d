using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;
using Okno.Core.Messages;

namespace Okno.Channels.GreenApi;

/// <summary>messageData by typeMessage, turned into something an operator can read. Files are referred to by downloadUrl.</summary>
internal static class GreenApiContent
{
    public static (MessageKind, string?, IReadOnlyList<InboundAttachment>) Read(JsonElement? data)
    {
        if (data is not { } d) return (MessageKind.Text, "(пустое сообщение)", []);
        var extended = d.Prop("extendedTextMessageData");
        switch (d.Str("typeMessage"))
        {
            case "textMessage":
                return (MessageKind.Text, d.Prop("textMessageData")?.Str("textMessage") ?? "", []);
            case "extendedTextMessage" or "quotedMessage":
                var text = extended?.Str("text") ?? "";
                var quoted = d.Prop("quotedMessage");
                var quote = quoted?.Str("textMessage") ?? quoted?.Str("caption");
                return (MessageKind.Text, quote is { Length: > 0 } ? $"{text}\n\n» {quote}" : text, []);
            case "imageMessage" or "videoMessage" or "documentMessage" or "audioMessage" or "stickerMessage" when d.Prop("fileMessageData") is { } f:
                return File(d.Str("typeMessage")!, f);
            case "locationMessage" when d.Prop("locationMessageData") is { } loc:
                var place = string.Join(", ", new[] { loc.Str("nameLocation"), loc.Str("address") }.Where(s => !string.IsNullOrEmpty(s)));
                return (MessageKind.Text, $"📍 Геопозиция: {(place.Length > 0 ? place + " " : "")}({loc.Str("latitude")}, {loc.Str("longitude")})", []);
            case "contactMessage" when d.Prop("contactMessageData") is { } c:
                return (MessageKind.Text, $"📇 Контакт: {c.Str("displayName")} {PhoneFromVCard(c.Str("vcard"))}".TrimEnd(), []);
            case "reactionMessage":
                return (MessageKind.Text, extended?.Str("text") is { Length: > 0 } emoji ? $"Реакция {emoji} на сообщение" : "Реакция на сообщение снята", []);
            default:
                return (MessageKind.Text, "(сообщение неподдерживаемого типа)", []);
        }
    }

    private static (MessageKind, string?, IReadOnlyList<InboundAttachment>) File(string type, JsonElement f)
    {
        var mime = f.Str("mimeType") ?? "application/octet-stream";
        var url = f.Str("downloadUrl");
        var name = type == "documentMessage" && f.Str("fileName") is { Length: > 0 } fileName ? fileName : type switch
        {
            "imageMessage" => "image",
            "videoMessage" => "video",
            "audioMessage" => "audio",
            "stickerMessage" => "sticker",
            _ => "document",
        } + WhatsAppIds.Extension(mime);
        var caption = f.Str("caption") is { Length: > 0 } c ? c : type switch
        {
            "audioMessage" => "🎤 Аудиосообщение",
            "stickerMessage" => "Стикер",
            _ => null,
        };
        if (url is null) return (MessageKind.Text, caption ?? "(файл без ссылки)", []);
        return (MessageKind.Media, caption, [new InboundAttachment(name, mime, null, url)]);
    }

    private static string PhoneFromVCard(string? vcard)
    {
        if (vcard is null) return "";
        foreach (var line in vcard.Split('\n'))
            if (line.StartsWith("TEL", StringComparison.OrdinalIgnoreCase) && line.LastIndexOf(':') is var i and >= 0)
                return line[(i + 1)..].Trim();
        return "";
    }
}
