namespace Okno.Core.Files;

/// <summary>
/// Decides from a file's first bytes whether it is a raster image a browser may show inline. The type a sender declared
/// is never trusted: only JPEG, PNG, GIF and WebP signatures count; everything else (SVG, HTML, PDF…) is a download.
/// </summary>
public static class FileSniffer
{
    public const int HeaderLength = 12;
    public const string Binary = "application/octet-stream";

    public static readonly IReadOnlySet<string> RasterTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "image/jpeg", "image/png", "image/gif", "image/webp",
    };

    /// <summary>The raster image type the bytes are, or null.</summary>
    public static string? RasterImage(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return "image/jpeg";
        if (head.Length >= 8 && head[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (head.Length >= 6 && (head[..6].SequenceEqual("GIF87a"u8) || head[..6].SequenceEqual("GIF89a"u8))) return "image/gif";
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    /// <summary>Reads the head of a stream (and puts the position back when it can seek).</summary>
    public static async Task<string?> RasterImageAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[HeaderLength];
        var start = stream.CanSeek ? stream.Position : 0;
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), ct) is var n and > 0) read += n;
        if (stream.CanSeek) stream.Position = start;
        return RasterImage(buffer.AsSpan(0, read));
    }

    /// <summary>The type to record for a stored file: the sniffed raster type, else the declared type unless it claims to be an image.</summary>
    public static string Recorded(string? sniffed, string declared) =>
        sniffed ?? (declared.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || declared.Contains("html", StringComparison.OrdinalIgnoreCase)
            || declared.Contains("xml", StringComparison.OrdinalIgnoreCase) || declared.Contains("javascript", StringComparison.OrdinalIgnoreCase) ? Binary : declared);

    public static bool IsRasterImage(string? contentType) => contentType is not null && RasterTypes.Contains(contentType);
}
