using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Audit;
using Okno.Core.Data;
using Okno.Web.Privacy;

namespace Okno.Web.Audit;

/// <summary>Okno:Audit:HeadExportPath: the folder the signed heads are written to (best on other storage); unset = no export.</summary>
public sealed record AuditHeadOptions(string? ExportPath);

/// <summary>
/// The audit's head as GET /api/v1/audit/head gives it: the last entry's id and hash at a time, signed (ECDSA P-256,
/// base64 DER) with the server's export key — its public half is GET /api/v1/exports/public-key, named by <see cref="KeyId"/>.
/// </summary>
public sealed record SignedHead(long LastId, string Hash, DateTimeOffset At, string KeyId, string Signature);

/// <summary>
/// One exported head: the hashes of every entry since the previous export (<see cref="FromId"/>..<see cref="LastId"/>),
/// the head itself and the signature over them. With these outside the database, an entry edited and the chain
/// re-hashed after it is still found — by its own id.
/// </summary>
public sealed record HeadFile(long FromId, long LastId, string Hash, DateTimeOffset At, IReadOnlyList<string> Hashes, string KeyId, string Signature);

/// <summary>Writes signed heads to the export folder and checks the chain against the heads written there.</summary>
public sealed class AuditHeadExport(IServiceScopeFactory scopes, ExportSigner signer, TimeProvider clock, AuditHeadOptions options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    public const string Prefix = "audit-head-";

    public bool Enabled => !string.IsNullOrWhiteSpace(options.ExportPath);

    public async Task<SignedHead> CurrentAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var head = await scope.ServiceProvider.GetRequiredService<OknoDbContext>().AuditHeads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingleId, ct);
        var at = AuditChain.Instant(clock.GetUtcNow());
        var key = await signer.PublicKeyAsync(ct);
        return new SignedHead(head.LastId, head.Hash, at, key.KeyId, await SignAsync(Message(head.LastId, head.Hash, at, 0, []), ct));
    }

    /// <summary>Writes the entries since the last export and the head; null when there is nothing new (or no folder).</summary>
    public async Task<HeadFile?> ExportAsync(CancellationToken ct)
    {
        if (!Enabled) return null;
        var folder = Directory.CreateDirectory(options.ExportPath!);
        var previous = Files(folder).Select(f => f.LastId).DefaultIfEmpty(0).Max();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var lastId = (await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingleId, ct)).LastId;
        if (lastId <= previous) return null;
        var hashes = await db.AuditEntries.AsNoTracking().Where(e => e.Id > previous && e.Id <= lastId).OrderBy(e => e.Id).Select(e => e.Hash).ToListAsync(ct);
        if (hashes.Count != lastId - previous) throw new InvalidOperationException("The audit chain has gaps; run verify before exporting its head.");
        var at = AuditChain.Instant(clock.GetUtcNow());
        var from = previous + 1;
        var key = await signer.PublicKeyAsync(ct);
        var file = new HeadFile(from, lastId, hashes[^1], at, hashes, key.KeyId, await SignAsync(Message(lastId, hashes[^1], at, from, hashes), ct));
        var path = Path.Combine(folder.FullName, Name(lastId));
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(file, Json), ct);
        try { File.Move(temp, path); }
        catch (IOException) when (File.Exists(path)) { File.Delete(temp); return null; } // another node wrote this head
        return file;
    }

    /// <summary>
    /// Compares the database with every exported head: the first id whose hash differs from the exported one (or is gone),
    /// or the first id of a head file that is unreadable or wrongly signed.
    /// </summary>
    public async Task<(int Heads, long? FirstBrokenId)> CheckAsync(OknoDbContext db, CancellationToken ct)
    {
        if (!Enabled || !Directory.Exists(options.ExportPath)) return (0, null);
        long? broken = null;
        var count = 0;
        foreach (var (lastId, path) in Files(new DirectoryInfo(options.ExportPath!)).OrderBy(f => f.LastId))
        {
            count++;
            var file = await ReadAsync(path, ct);
            if (file is null || file.LastId != lastId || file.Hashes.Count != file.LastId - file.FromId + 1 || file.Hashes.Count == 0 || file.Hashes[^1] != file.Hash
                || !await VerifyAsync(Message(file.LastId, file.Hash, file.At, file.FromId, file.Hashes), file.Signature, ct))
            {
                broken = Min(broken, file?.FromId ?? 1);
                continue;
            }
            var stored = await db.AuditEntries.AsNoTracking().Where(e => e.Id >= file.FromId && e.Id <= file.LastId)
                .Select(e => new { e.Id, e.Hash }).ToDictionaryAsync(e => e.Id, e => e.Hash, ct);
            for (var i = 0; i < file.Hashes.Count; i++)
            {
                var id = file.FromId + i;
                if (stored.GetValueOrDefault(id) == file.Hashes[i]) continue;
                broken = Min(broken, id);
                break;
            }
        }
        return (count, broken);
    }

    /// <summary>What is signed: the head (and, in a file, the range and a digest of its hashes), one field a line.</summary>
    public static string Message(long lastId, string hash, DateTimeOffset at, long fromId, IReadOnlyList<string> hashes) =>
        string.Join('\n', "okno-audit-head/v1", lastId.ToString(CultureInfo.InvariantCulture), hash,
            at.UtcTicks.ToString(CultureInfo.InvariantCulture), fromId.ToString(CultureInfo.InvariantCulture),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', hashes)))));

    private async Task<string> SignAsync(string message, CancellationToken ct) =>
        Convert.ToBase64String(await signer.SignAsync(Encoding.UTF8.GetBytes(message), ct));

    /// <summary>Checked with the public key, as anyone holding GET /api/v1/exports/public-key can.</summary>
    public async Task<bool> VerifyAsync(string message, string? signature, CancellationToken ct)
    {
        if (signature is null) return false;
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String((await signer.PublicKeyAsync(ct)).PublicKey), out _);
            return key.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception e) when (e is FormatException or CryptographicException) { return false; }
    }

    private static long Min(long? a, long b) => a is { } x ? Math.Min(x, b) : b;

    private static async Task<HeadFile?> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<HeadFile>(stream, Json, ct);
        }
        catch (JsonException) { return null; }
    }

    private static string Name(long lastId) => Prefix + lastId.ToString("D12", CultureInfo.InvariantCulture) + ".json";

    private static IEnumerable<(long LastId, string Path)> Files(DirectoryInfo folder) =>
        folder.EnumerateFiles(Prefix + "*.json").Select(f => (Id: long.TryParse(f.Name[Prefix.Length..^5], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1, f.FullName))
            .Where(f => f.Id > 0);
}
