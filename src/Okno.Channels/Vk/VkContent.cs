using System.Globalization;
using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;
using Okno.Core.Messages;

namespace Okno.Channels.Vk;

/// <summary>The text and attachments of a VK messages_message (photo, doc, audio_message, geo…).</summary>
public static class VkContent
{
    public static (MessageKind Kind, string? Text, IReadOnlyList<InboundAttachment> Attachments) Read(JsonElement m)
    {
        var text = m.Str("text") is { Length: > 0 } t ? t : null;
        var attachments = new List<InboundAttachment>();
        var notes = new List<string>();
        foreach (var a in m.Array("attachments"))
        {
            var type = a.Str("type");
            var body = type is null ? null : a.Prop(type);
            switch (type)
            {
                case "photo" when body is { } photo && LargestPhotoUrl(photo) is { } url:
                    attachments.Add(new InboundAttachment("photo.jpg", "image/jpeg", null, url));
                    break;
                case "doc" when body is { } doc && doc.Str("url") is { } url:
                    var ext = doc.Str("ext") ?? "";
                    var title = doc.Str("title") is { Length: > 0 } name ? name : "document";
                    if (ext.Length > 0 && !title.EndsWith("." + ext, StringComparison.OrdinalIgnoreCase)) title += "." + ext;
                    attachments.Add(new InboundAttachment(title, ContentTypeOf(ext), doc.Long("size"), url));
                    break;
                case "audio_message" when body is { } voice && (voice.Str("link_ogg") ?? voice.Str("link_mp3")) is { } url:
                    var ogg = voice.Str("link_ogg") is not null;
                    attachments.Add(new InboundAttachment(ogg ? "voice.ogg" : "voice.mp3", ogg ? "audio/ogg" : "audio/mpeg", null, url));
                    notes.Add("🎤 Голосовое сообщение");
                    break;
                case "sticker":
                    notes.Add("Стикер");
                    break;
                case "video":
                    notes.Add("🎬 Видео (откройте во ВКонтакте)");
                    break;
                case "wall":
                    notes.Add("📰 Запись со стены");
                    break;
                case "link" when body is { } link:
                    notes.Add("🔗 " + link.Str("url"));
                    break;
                case not null:
                    notes.Add("(вложение неподдерживаемого типа: " + type + ")");
                    break;
            }
        }
        if (m.Prop("geo") is { } geo && geo.Prop("coordinates") is { } c)
        {
            var place = geo.Prop("place")?.Str("title");
            notes.Add($"📍 Геопозиция: {Coordinate(c, "latitude")}, {Coordinate(c, "longitude")}" + (place is null ? "" : $" ({place})"));
        }

        if (text is null && notes.Count > 0) text = string.Join("\n", notes);
        else if (text is not null && notes.Count > 0 && attachments.Count == 0) text += "\n" + string.Join("\n", notes);
        return (attachments.Count > 0 ? MessageKind.Media : MessageKind.Text, text ?? (attachments.Count == 0 ? "(пустое сообщение)" : null), attachments);
    }

    /// <summary>The largest size of a photo: orig_photo (5.199) when present, else the widest of sizes[].</summary>
    public static string? LargestPhotoUrl(JsonElement photo)
    {
        if (photo.Prop("orig_photo")?.Str("url") is { } orig) return orig;
        return photo.Array("sizes")
            .OrderByDescending(s => (s.Long("width") ?? 0) * (s.Long("height") ?? 0))
            .Select(s => s.Str("url")).FirstOrDefault(u => u is not null);
    }

    private static string Coordinate(JsonElement c, string name) =>
        c.Prop(name) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble().ToString("0.######", CultureInfo.InvariantCulture) : "?";

    private static string ContentTypeOf(string ext) => ext.ToLowerInvariant() switch
    {
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "jpg" or "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "txt" => "text/plain",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    };
}
