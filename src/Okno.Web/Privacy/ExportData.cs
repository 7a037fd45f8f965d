using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Contacts;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Files;
using Okno.Core.Messages;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Privacy;

public sealed record ExportChannel(Guid Id, string Kind, string Name);

public sealed record ExportFile(long AttachmentId, string FileName, string ContentType, long? Size, string? Path, string? Sha256, string? Missing);

public sealed record ExportMessage(long Id, long ConversationId, string Direction, string Kind, string? Author, string? Text,
    ExportChannel? Channel, string? ClientAddress, DateTimeOffset CreatedAt, string CreatedAtMoscow, DateTimeOffset? SentAt, string? SentAtMoscow,
    DateTimeOffset? EditedAt, string Status, IReadOnlyList<ExportFile> Files);

public sealed record ExportConversation(long Id, long ContactId, string Status, ExportChannel? SourceChannel, string? SourceDetails,
    DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, bool? IsTarget, string? NotTargetReason, string? Assignee, IReadOnlyList<ExportMessage> Messages);

/// <summary>
/// What both exports read: a conversation's messages with their channel, the client's address on it, the author's name
/// and the files, masked for the exporting user by the one rule (<see cref="Masking"/>); files are written into the ZIP
/// as they are read from the store, with their SHA-256.
/// </summary>
public sealed class ExportData(OknoDbContext db, IFileStore files)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private static readonly TimeZoneInfo MoscowZone = BusinessTime.Moscow.Zone;

    public static string Moscow(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, MoscowZone).ToString("yyyy-MM-dd HH:mm:ss 'МСК' (zzz)", CultureInfo.InvariantCulture);

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The conversations (in id order) with every message and file, files copied into <paramref name="zip"/> under files/.</summary>
    public async Task<List<ExportConversation>> ConversationsAsync(IReadOnlyList<long> conversationIds, CurrentUser user, ZipArchive zip, CancellationToken ct)
    {
        var conversations = await db.Conversations.AsNoTracking().Where(c => conversationIds.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(ct);
        var contactIds = conversations.Select(c => c.ContactId).Distinct().ToList();
        var channels = (await db.ChannelAccounts.AsNoTracking().ToListAsync(ct))
            .ToDictionary(a => a.Id, a => new ExportChannel(a.Id, a.Kind.ToString().ToLowerInvariant(), a.Name));
        var addresses = (await db.Endpoints.AsNoTracking().Where(e => contactIds.Contains(e.ContactId)).ToListAsync(ct))
            .GroupBy(e => (e.ContactId, e.ChannelAccountId)).ToDictionary(g => g.Key, g => g.First().Address);
        var staff = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var result = new List<ExportConversation>();
        foreach (var c in conversations)
        {
            var messages = await db.Messages.AsNoTracking().Include(m => m.Attachments).Where(m => m.ConversationId == c.Id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
            var list = new List<ExportMessage>();
            foreach (var m in messages)
            {
                var channel = m.ChannelAccountId is { } ch ? channels.GetValueOrDefault(ch) : null;
                var address = m.ChannelAccountId is { } a && addresses.TryGetValue((m.ContactId, a), out var addr) ? Masking.Text(addr, user) : null;
                var fileList = new List<ExportFile>();
                foreach (var f in m.Attachments.OrderBy(f => f.Id)) fileList.Add(await FileAsync(f, user, zip, ct));
                list.Add(new ExportMessage(m.Id, m.ConversationId, m.Direction.ToString().ToLowerInvariant(), m.Kind.ToString().ToLowerInvariant(),
                    m.AuthorId is { } au ? staff.GetValueOrDefault(au) : null, Masking.Text(m.Text, user), channel, address,
                    m.CreatedAt, Moscow(m.CreatedAt), m.SentAt, m.SentAt is { } s ? Moscow(s) : null, m.EditedAt, m.Status.ToString().ToLowerInvariant(), fileList));
            }
            result.Add(new ExportConversation(c.Id, c.ContactId, c.Status.ToString().ToLowerInvariant(), channels.GetValueOrDefault(c.SourceChannelAccountId),
                Masking.Text(c.SourceDetails, user), c.CreatedAt, c.ResolvedAt, c.IsTarget, c.NotTargetReason,
                c.AssigneeId is { } who ? staff.GetValueOrDefault(who) : null, list));
        }
        return result;
    }

    private async Task<ExportFile> FileAsync(Attachment a, CurrentUser user, ZipArchive zip, CancellationToken ct)
    {
        var name = Masking.Text(a.FileName, user)!;
        if (a.StorageKey is null) return new ExportFile(a.Id, name, a.ContentType, a.Size, null, null, a.TooLarge ? "больше лимита канала: не сохранён" : "ещё не загружен");
        await using var content = await files.OpenAsync(a.StorageKey, ct);
        if (content is null) return new ExportFile(a.Id, name, a.ContentType, a.Size, null, null, "файл отсутствует в хранилище");
        var path = $"files/{a.Id}-{SafeFileName.From(name, "file")}";
        var (sha, size) = await WriteAsync(zip, path, content, ct);
        return new ExportFile(a.Id, name, a.ContentType, size, path, sha, null);
    }

    /// <summary>Copies a stream into a new entry, hashing as it goes: returns the hex SHA-256 and the byte count.</summary>
    public static async Task<(string Sha256, long Size)> WriteAsync(ZipArchive zip, string path, Stream content, CancellationToken ct)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using var target = await entry.OpenAsync(ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
            size += read;
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    public static Task<(string Sha256, long Size)> WriteAsync(ZipArchive zip, string path, byte[] bytes, CancellationToken ct) =>
        WriteAsync(zip, path, new MemoryStream(bytes, writable: false), ct);

    public static byte[] JsonBytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Json);

    /// <summary>A temporary file the archive is written to, removed when the response has been sent.</summary>
    public static FileStream TempFile() => new(Path.Combine(Path.GetTempPath(), "okno-export-" + Guid.NewGuid().ToString("N") + ".zip"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
