using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;
using Okno.Core.Messages;

namespace Okno.Channels.Waha;

/// <summary>A WAHA message payload → text an operator can read, files by the URL WAHA saved them under.</summary>
internal static class WahaContent
{
    public static (MessageKind, string?, IReadOnlyList<InboundAttachment>) Read(JsonElement p)
    {
        var body = p.Str("body");
        if (p.Prop("hasMedia") is { ValueKind: JsonValueKind.True })
        {
            var media = p.Prop("media");
            var mime = media?.Str("mimetype") ?? "application/octet-stream";
            var url = media?.Str("url");
            var name = media?.Str("filename") is { Length: > 0 } f ? f : (mime.StartsWith("image/", StringComparison.Ordinal) ? "image"
                : mime.StartsWith("audio/", StringComparison.Ordinal) ? "audio" : mime.StartsWith("video/", StringComparison.Ordinal) ? "video" : "file") + WhatsAppIds.Extension(mime);
            var text = body is { Length: > 0 } ? body : mime.StartsWith("audio/", StringComparison.Ordinal) ? "🎤 Аудиосообщение" : null;
            if (url is null) return (MessageKind.Text, text ?? "(файл не сохранён WAHA: проверьте настройки хранения файлов)", []);
            return (MessageKind.Media, text, [new InboundAttachment(name, mime, null, url)]);
        }
        if (p.Prop("location") is { } loc && loc.Str("latitude") is { } lat)
            return (MessageKind.Text, $"📍 Геопозиция: {(loc.Str("description") is { Length: > 0 } d ? d + " " : "")}({lat}, {loc.Str("longitude")})", []);
        var cards = p.Array("vCards").Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : null).OfType<string>().ToList();
        if (cards.Count > 0)
            return (MessageKind.Text, "📇 Контакт: " + string.Join("; ", cards.Select(VCardSummary)), []);
        return (MessageKind.Text, body ?? "(сообщение неподдерживаемого типа)", []);
    }

    private static string VCardSummary(string vcard)
    {
        string? name = null, tel = null;
        foreach (var line in vcard.Split('\n'))
        {
            if (line.StartsWith("FN", StringComparison.OrdinalIgnoreCase) && line.IndexOf(':') is var i and >= 0) name = line[(i + 1)..].Trim();
            if (line.StartsWith("TEL", StringComparison.OrdinalIgnoreCase) && line.LastIndexOf(':') is var j and >= 0) tel ??= line[(j + 1)..].Trim();
        }
        return $"{name} {tel}".Trim();
    }
}
