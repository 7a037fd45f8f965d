using MimeKit;

namespace Okno.Channels.Email;

/// <summary>
/// The parts of a letter Okno stores as attachments (files and inline images), in one stable order, so an
/// attachment's index in SourceRef "uidvalidity:uid:index" finds the same part when it is fetched again.
/// </summary>
public static class EmailParts
{
    /// <summary>SourceRef suffix meaning "the whole letter as .eml".</summary>
    public const string WholeLetter = "eml";

    public static IReadOnlyList<MimePart> Files(MimeMessage message) =>
        message.BodyParts.OfType<MimePart>().Where(IsFile).ToList();

    private static bool IsFile(MimePart part)
    {
        if (part is TextPart && !part.IsAttachment) return false; // the body (or an alternative of it)
        if (part.IsAttachment) return true;
        // Inline images (cid:) and any non-text part without a disposition are files too.
        return part.ContentType.MediaType != "text" || part.ContentId is not null;
    }

    public static string FileName(MimePart part, int index)
    {
        // "x/" or "../" name no file: Path.GetFileName gives "" for them, and an empty name must not reach the store.
        if (!string.IsNullOrWhiteSpace(part.FileName) && Path.GetFileName(part.FileName.Replace('\\', '/')) is { } name
            && !string.IsNullOrWhiteSpace(name) && name.Trim('.').Length > 0) return name;
        var extension = MimeTypes.TryGetExtension(part.ContentType.MimeType, out var ext) ? ext : ".bin";
        return (part.ContentType.MediaType == "image" ? "image" : "attachment") + (index + 1) + extension;
    }

    public static string SourceRef(uint uidValidity, uint uid, string part) => $"{uidValidity}:{uid}:{part}";

    public static bool TryParseSourceRef(string sourceRef, out uint uidValidity, out uint uid, out string part)
    {
        var pieces = sourceRef.Split(':');
        part = pieces.Length == 3 ? pieces[2] : "";
        uid = 0;
        uidValidity = 0;
        return pieces.Length == 3 && uint.TryParse(pieces[0], out uidValidity) && uint.TryParse(pieces[1], out uid) && uid > 0 && part.Length > 0;
    }
}
