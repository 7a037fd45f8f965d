namespace Okno.Web.Widget;

/// <summary>Whether a file's first bytes are what its extension claims (a ".png" that is HTML is refused before it is written).</summary>
public static class UploadSniff
{
    public static bool Matches(string extension, ReadOnlySpan<byte> head) => extension.ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        ".png" => head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']),
        ".gif" => head.StartsWith("GIF8"u8),
        ".webp" => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
        ".heic" => head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8),
        ".pdf" => head.StartsWith("%PDF"u8),
        ".doc" or ".xls" => head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]),
        ".docx" or ".xlsx" => head.StartsWith((ReadOnlySpan<byte>)[(byte)'P', (byte)'K', 3, 4]),
        ".txt" => !head.Contains((byte)0),
        _ => false,
    };
}
