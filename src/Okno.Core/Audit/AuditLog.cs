using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Data;

namespace Okno.Core.Audit;

/// <summary>
/// Appends to the audit, in its own DbContext (the caller's unsaved changes are not flushed by it). Appends are
/// serialized across threads and nodes by the head row: each append transaction first updates it (PostgreSQL takes
/// its row lock; SQLite its write lock), then reads the last hash, inserts the next entry and moves the head.
/// </summary>
public sealed class AuditLog(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Writes the entry; with <paramref name="once"/>, only when the same user has no entry of this action on this object that recent.</summary>
    /// <returns>The new entry's id, or null when an entry inside the window already existed.</returns>
    public async Task<long?> AppendAsync(AuditRecord record, TimeSpan? once = null, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var now = AuditChain.Instant(clock.GetUtcNow());
        if (once is { } window && await RecentAsync(db, record, now - window, ct)) return null;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.AuditHeads.Where(h => h.Id == AuditHead.SingleId).ExecuteUpdateAsync(s => s.SetProperty(h => h.LastId, h => h.LastId), ct);
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingleId, ct);
        if (once is { } w && await RecentAsync(db, record, now - w, ct)) return null; // another node wrote it meanwhile
        var entry = new AuditEntry(head.LastId + 1, now, record, head.Hash);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        await db.AuditHeads.Where(h => h.Id == AuditHead.SingleId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastId, entry.Id).SetProperty(h => h.Hash, entry.Hash), ct);
        await tx.CommitAsync(ct);
        return entry.Id;
    }

    private static Task<bool> RecentAsync(OknoDbContext db, AuditRecord r, DateTimeOffset since, CancellationToken ct) =>
        db.AuditEntries.AnyAsync(e => e.UserId == r.UserId && e.Action == r.Action && e.ObjectType == r.ObjectType && e.ObjectId == r.ObjectId && e.At > since, ct);
}
