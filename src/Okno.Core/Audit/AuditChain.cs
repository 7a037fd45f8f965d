using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;

namespace Okno.Core.Audit;

/// <summary>The hash chain: how an entry is written down canonically, hashed, and how the whole chain is checked.</summary>
public static class AuditChain
{
    public sealed record Verdict(bool Ok, long Entries, long? FirstBrokenId);

    /// <summary>
    /// The canonical entry: a JSON array of id, time (UTC ticks), user, action, object type, object id, IP, detail —
    /// fixed order, no whitespace, nulls as null.
    /// </summary>
    public static string Canonical(AuditEntry e)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            w.WriteNumberValue(e.Id);
            w.WriteNumberValue(e.At.UtcTicks);
            if (e.UserId is { } u) w.WriteNumberValue(u); else w.WriteNullValue();
            w.WriteStringValue(e.Action);
            WriteOrNull(w, e.ObjectType);
            WriteOrNull(w, e.ObjectId);
            WriteOrNull(w, e.Ip);
            WriteOrNull(w, e.Detail);
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteOrNull(Utf8JsonWriter w, string? value)
    {
        if (value is null) w.WriteNullValue(); else w.WriteStringValue(value);
    }

    /// <summary>hash = SHA-256(previous hash ‖ canonical entry), lower-case hex; the first entry's previous hash is "".</summary>
    public static string HashOf(string previousHash, AuditEntry e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + Canonical(e))));

    /// <summary>
    /// Times are kept to whole microseconds: PostgreSQL stores no finer, and the hash must come out the same
    /// when the entry is read back.
    /// </summary>
    public static DateTimeOffset Instant(DateTimeOffset now) => new(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>Walks the chain from the first entry: ids without gaps, every hash recomputed, the head matching the last.</summary>
    public static async Task<Verdict> VerifyAsync(OknoDbContext db, CancellationToken ct)
    {
        const int batch = 1000;
        var previous = "";
        long expected = 1, count = 0;
        while (true)
        {
            var from = expected;
            var rows = await db.AuditEntries.AsNoTracking().Where(e => e.Id >= from).OrderBy(e => e.Id).Take(batch).ToListAsync(ct);
            foreach (var e in rows)
            {
                if (e.Id != expected || HashOf(previous, e) != e.Hash) return new Verdict(false, count, e.Id);
                previous = e.Hash;
                expected++;
                count++;
            }
            if (rows.Count < batch) break;
        }
        var head = await db.AuditHeads.AsNoTracking().FirstOrDefaultAsync(ct);
        if (head is not null && (head.LastId != count || head.Hash != previous))
            return new Verdict(false, count, count + 1); // entries cut off the end
        return new Verdict(true, count, null);
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
