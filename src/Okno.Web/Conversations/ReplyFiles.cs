using Okno.Core;
using Okno.Core.Conversations;
using Okno.Core.Files;

namespace Okno.Web.Conversations;

/// <summary>Files sent with a reply through the API: decoded, size-checked and put in the file store.</summary>
public static class ReplyFiles
{
    public const long MaxTotalBytes = 10 * 1024 * 1024;
    public const int MaxCount = 10;

    public static async Task<IReadOnlyList<ReplyFile>> StoreAsync(IReadOnlyList<ReplyFileBody>? files, IFileStore store, CancellationToken ct)
    {
        if (files is null || files.Count == 0) return [];
        if (files.Count > MaxCount) throw new DomainException($"Не больше {MaxCount} файлов в одном ответе.");
        var decoded = new List<(string Name, string Type, byte[] Bytes)>();
        foreach (var f in files)
        {
            var name = string.IsNullOrWhiteSpace(f.FileName) ? "file" : Path.GetFileName(f.FileName.Trim());
            byte[] bytes;
            try { bytes = Convert.FromBase64String(f.ContentBase64 ?? ""); }
            catch (FormatException) { throw new DomainException($"Файл «{name}»: contentBase64 — не base64."); }
            if (bytes.Length == 0) throw new DomainException($"Файл «{name}» пуст.");
            decoded.Add((name, string.IsNullOrWhiteSpace(f.ContentType) ? "application/octet-stream" : f.ContentType.Trim(), bytes));
        }
        if (decoded.Sum(d => (long)d.Bytes.Length) > MaxTotalBytes) throw new DomainException("Файлы больше 10 МБ в сумме: отправьте их по одному.");
        var stored = new List<ReplyFile>();
        foreach (var (name, type, bytes) in decoded)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            stored.Add(new ReplyFile(name, type, bytes.Length, await store.SaveAsync(stream, name, ct)));
        }
        return stored;
    }
}
