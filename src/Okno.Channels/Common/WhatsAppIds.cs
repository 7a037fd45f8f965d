namespace Okno.Channels.Common;

/// <summary>WhatsApp addressing shared by the unofficial gateways: "79161234567@c.us" is a person, "…@g.us" a group.</summary>
public static class WhatsAppIds
{
    public const string PersonSuffix = "@c.us";

    public static bool IsPerson(string? chatId) => chatId is not null && chatId.EndsWith(PersonSuffix, StringComparison.Ordinal);

    /// <summary>"79161234567@c.us" → "79161234567"; anything else is returned as it is.</summary>
    public static string Digits(string chatId) => IsPerson(chatId) ? chatId[..^PersonSuffix.Length] : chatId;

    /// <summary>An address we stored (digits, or a full chat id) → the chat id the gateway wants.</summary>
    public static string ChatId(string address) => address.Contains('@', StringComparison.Ordinal)
        ? address
        : new string(address.Where(char.IsAsciiDigit).ToArray()) + PersonSuffix;

    /// <summary>A guess at a file extension for a MIME type, for names of files that came without one.</summary>
    public static string Extension(string? mimeType) => mimeType?.Split(';')[0].Trim() switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "video/mp4" => ".mp4",
        "video/3gpp" => ".3gp",
        "audio/ogg" => ".ogg",
        "audio/mpeg" => ".mp3",
        "audio/mp4" or "audio/aac" => ".m4a",
        "application/pdf" => ".pdf",
        _ => "",
    };
}
