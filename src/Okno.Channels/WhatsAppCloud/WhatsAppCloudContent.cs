using System.Globalization;
using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;
using Okno.Core.Messages;

namespace Okno.Channels.WhatsAppCloud;

/// <summary>Every message type a client can send, turned into something an operator can read.</summary>
internal static class WhatsAppCloudContent
{
    public static (MessageKind, string?, IReadOnlyList<InboundAttachment>) Read(JsonElement m)
    {
        if (m.Array("errors").FirstOrDefault() is { ValueKind: JsonValueKind.Object } error && m.Str("type") is "unsupported" or "unknown" or null)
            return (MessageKind.Text, "(WhatsApp не передал сообщение: " + WhatsAppCloudErrors.Describe(error.Long("code") ?? 0, error.Str("title")) + ")", []);

        var type = m.Str("type");
        switch (type)
        {
            case "text":
                return (MessageKind.Text, m.Prop("text")?.Str("body") ?? "", []);
            case "image" or "video" or "audio" or "document" or "sticker":
                return Media(m, type);
            case "location" when m.Prop("location") is { } loc:
                var place = string.Join(", ", new[] { loc.Str("name"), loc.Str("address") }.Where(s => !string.IsNullOrEmpty(s)));
                return (MessageKind.Text, $"📍 Геопозиция: {(place.Length > 0 ? place + " " : "")}({loc.Str("latitude")}, {loc.Str("longitude")})", []);
            case "contacts":
                var cards = m.Array("contacts").Select(c =>
                {
                    var name = c.Prop("name")?.Str("formatted_name") ?? "";
                    var phones = string.Join(", ", c.Array("phones").Select(p => p.Str("phone") ?? p.Str("wa_id")).Where(p => p is not null));
                    return $"{name} {phones}".Trim();
                });
                return (MessageKind.Text, "📇 Контакт: " + string.Join("; ", cards), []);
            case "interactive" when m.Prop("interactive") is { } i:
                var reply = i.Prop("button_reply") ?? i.Prop("list_reply");
                var title = reply?.Str("title") ?? "";
                var description = reply?.Str("description");
                return (MessageKind.Text, "Выбран вариант: " + title + (description is { Length: > 0 } ? $" ({description})" : ""), []);
            case "button" when m.Prop("button") is { } b:
                return (MessageKind.Text, "Нажата кнопка: " + (b.Str("text") ?? b.Str("payload") ?? ""), []);
            case "reaction" when m.Prop("reaction") is { } r:
                return (MessageKind.Text, r.Str("emoji") is { Length: > 0 } emoji ? $"Реакция {emoji} на сообщение" : "Реакция на сообщение снята", []);
            case "order":
                return (MessageKind.Text, "🛒 Заказ из каталога", []);
            default:
                return (MessageKind.Text, "(сообщение неподдерживаемого типа)", []);
        }
    }

    private static (MessageKind, string?, IReadOnlyList<InboundAttachment>) Media(JsonElement m, string type)
    {
        if (m.Prop(type) is not { } media || media.Str("id") is not { } id)
            return (MessageKind.Text, "(вложение без идентификатора)", []);
        var mime = media.Str("mime_type") ?? "application/octet-stream";
        var caption = media.Str("caption");
        var voice = type == "audio" && media.Prop("voice") is { ValueKind: JsonValueKind.True };
        var fileName = media.Str("filename") is { Length: > 0 } given && !string.IsNullOrWhiteSpace(given) ? given : type switch
        {
            "image" => "image",
            "video" => "video",
            "audio" => voice ? "voice" : "audio",
            "sticker" => "sticker",
            _ => "document",
        } + WhatsAppIds.Extension(mime);
        var size = long.TryParse(media.Str("file_size"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : (long?)null;
        var text = caption ?? type switch
        {
            "audio" when voice => "🎤 Голосовое сообщение",
            "sticker" => "Стикер",
            _ => null,
        };
        return (MessageKind.Media, text, [new InboundAttachment(fileName, mime, size, id)]);
    }
}
