using System.Globalization;
using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;
using Okno.Core.Messages;

namespace Okno.Channels.Max;

/// <summary>The text and attachments of a MAX MessageBody (image, video, audio, file, contact, location…).</summary>
public static class MaxContent
{
    /// <returns>…and the phone of a contact the sender shared about themselves (it links identities).</returns>
    public static (MessageKind Kind, string? Text, IReadOnlyList<InboundAttachment> Attachments, string? OwnPhone) Read(JsonElement body, string senderId)
    {
        var text = body.Str("text") is { Length: > 0 } t ? t : null;
        var attachments = new List<InboundAttachment>();
        var notes = new List<string>();
        string? ownPhone = null;
        foreach (var a in body.Array("attachments"))
        {
            var payload = a.Prop("payload");
            var url = payload?.Str("url");
            switch (a.Str("type"))
            {
                case "image" when url is not null:
                    attachments.Add(new InboundAttachment("photo.jpg", "image/jpeg", null, url));
                    break;
                case "video" when url is not null:
                    attachments.Add(new InboundAttachment("video.mp4", "video/mp4", null, url));
                    break;
                case "video":
                    notes.Add("🎬 Видео (откройте в MAX)");
                    break;
                case "audio" when url is not null:
                    attachments.Add(new InboundAttachment("audio.ogg", "audio/ogg", null, url));
                    notes.Add("🎤 Аудио");
                    break;
                case "file" when url is not null:
                    attachments.Add(new InboundAttachment(a.Str("filename") is { Length: > 0 } maxName && !string.IsNullOrWhiteSpace(maxName) ? maxName : "file", "application/octet-stream", a.Long("size"), url));
                    break;
                case "sticker":
                    notes.Add("Стикер");
                    break;
                case "contact" when payload is { } contact:
                    var (name, phone) = ReadVCard(contact.Str("vcf_info"));
                    var info = contact.Prop("max_info");
                    name ??= info?.Str("first_name");
                    if (phone is not null && info?.Str("user_id") == senderId) ownPhone = phone;
                    notes.Add($"📇 Контакт: {name} {phone}".Trim());
                    break;
                case "location":
                    notes.Add($"📍 Геопозиция: {Coordinate(a, "latitude")}, {Coordinate(a, "longitude")}");
                    break;
                case "share" when payload?.Str("url") is { } link:
                    notes.Add("🔗 " + link);
                    break;
                case "inline_keyboard":
                    break;
                case { } other:
                    notes.Add("(вложение неподдерживаемого типа: " + other + ")");
                    break;
            }
        }
        if (text is null && notes.Count > 0) text = string.Join("\n", notes);
        else if (text is not null && notes.Count > 0 && attachments.Count == 0) text += "\n" + string.Join("\n", notes);
        return (attachments.Count > 0 ? MessageKind.Media : MessageKind.Text, text ?? (attachments.Count == 0 ? "(пустое сообщение)" : null), attachments, ownPhone);
    }

    /// <summary>FN and the first TEL of a vCard.</summary>
    public static (string? Name, string? Phone) ReadVCard(string? vcf)
    {
        if (string.IsNullOrEmpty(vcf)) return (null, null);
        string? name = null, phone = null;
        foreach (var raw in vcf.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            var key = line[..colon].Split(';')[0].ToUpperInvariant();
            if (key == "FN") name ??= line[(colon + 1)..].Trim();
            else if (key == "TEL") phone ??= line[(colon + 1)..].Trim();
        }
        return (name, phone);
    }

    private static string Coordinate(JsonElement a, string name)
    {
        var v = a.Prop(name) ?? a.Prop("payload")?.Prop(name);
        return v is { ValueKind: JsonValueKind.Number } n ? n.GetDouble().ToString("0.######", CultureInfo.InvariantCulture) : "?";
    }
}
