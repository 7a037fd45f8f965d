using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Okno.Web.Demo;

/// <summary>Small generated "photos of documents": a white page with lines of grey text and a stamp, as PNG.</summary>
public static class DemoImages
{
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    public static byte[] Document(int seed, int width = 120, int height = 160)
    {
        var random = new Random(seed);
        var pixels = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            pixels[row] = 0; // filter: none
            var isText = y > 12 && y < height - 30 && y % 7 is 0 or 1;
            var lineEnd = width - 10 - random.Next(0, 40);
            for (var x = 0; x < width; x++)
            {
                byte r = 250, g = 248, b = 240;
                if (isText && x > 10 && x < lineEnd && random.Next(0, 5) > 0) { r = g = b = (byte)random.Next(60, 120); }
                var dx = x - (width - 30); var dy = y - (height - 20);
                if (dx * dx + dy * dy is > 120 and < 170) { r = 40; g = 70; b = 180; } // a blue stamp
                var i = row + 1 + x * 3;
                pixels[i] = r; pixels[i + 1] = g; pixels[i + 2] = b;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; header[9] = 2; // 8 bits, RGB
        Chunk(png, "IHDR", header);
        using (var data = new MemoryStream())
        {
            using (var z = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true)) z.Write(pixels);
            Chunk(png, "IDAT", data.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        s.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typeBytes.Concat(data)) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        BinaryPrimitives.WriteUInt32BigEndian(length, crc ^ 0xFFFFFFFFu);
        s.Write(length);
    }
}
