using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Events;

namespace Okno.Core.Desk;

/// <summary>
/// Presence from two sources. The API (integrations, a supervisor, the rail switch through PUT) sets a status that
/// holds; the hub reports tabs opening, heartbeats with idle time, and tabs closing. The sweep (desk scheduler)
/// turns idle into away and "no tab for a grace period" into offline — only for statuses that do not hold.
/// </summary>
public sealed class PresenceService(OknoDbContext db, EventBus bus, TimeProvider clock, DeskOptions options, DeskSignal signal)
{
    private async Task<UserPresence> RowAsync(long userId, CancellationToken ct)
    {
        var row = await db.Presence.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (row is null) db.Presence.Add(row = new UserPresence(userId, clock.GetUtcNow()));
        return row;
    }

    public async Task<UserPresence> SetAsync(long userId, PresenceStatus status, bool held, CancellationToken ct)
    {
        var row = await RowAsync(userId, ct);
        var now = clock.GetUtcNow();
        var changed = row.Set(status, held, now);
        if (status != PresenceStatus.Offline) row.LastInputAt = now;
        await db.SaveChangesAsync(ct);
        if (changed) Changed(row);
        return row;
    }

    public async Task ConnectedAsync(long userId, string connectionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var connection = await db.PresenceConnections.FirstOrDefaultAsync(c => c.ConnectionId == connectionId, ct);
        if (connection is null) db.PresenceConnections.Add(connection = new PresenceConnection { ConnectionId = connectionId, UserId = userId });
        connection.LastSeenAt = now;
        connection.LastInputAt = now;
        var row = await RowAsync(userId, ct);
        row.DisconnectedAt = null;
        row.LastInputAt = now;
        var changed = !row.Held && row.Status == PresenceStatus.Offline && row.Set(PresenceStatus.Online, held: false, now);
        await db.SaveChangesAsync(ct);
        if (changed) Changed(row);
    }

    /// <summary>A tab says it is alive and how long its user has not touched it.</summary>
    public async Task HeartbeatAsync(long userId, string connectionId, int idleSeconds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var input = now - TimeSpan.FromSeconds(Math.Clamp(idleSeconds, 0, 86_400));
        var connection = await db.PresenceConnections.FirstOrDefaultAsync(c => c.ConnectionId == connectionId, ct);
        if (connection is null) db.PresenceConnections.Add(connection = new PresenceConnection { ConnectionId = connectionId, UserId = userId });
        connection.LastSeenAt = now;
        connection.LastInputAt = input;
        await db.SaveChangesAsync(ct);
        var row = await RowAsync(userId, ct);
        row.DisconnectedAt = null;
        row.LastInputAt = await db.PresenceConnections.Where(c => c.UserId == userId).MaxAsync(c => c.LastInputAt, ct);
        var changed = !row.Held && row.AutoAway && now - row.LastInputAt < options.AwayAfter && row.Set(PresenceStatus.Online, held: false, now);
        changed |= !row.Held && row.Status == PresenceStatus.Offline && row.Set(PresenceStatus.Online, held: false, now);
        await db.SaveChangesAsync(ct);
        if (changed) Changed(row);
    }

    public async Task DisconnectedAsync(long userId, string connectionId, CancellationToken ct)
    {
        await db.PresenceConnections.Where(c => c.ConnectionId == connectionId).ExecuteDeleteAsync(ct);
        if (await db.PresenceConnections.AnyAsync(c => c.UserId == userId, ct)) return;
        var row = await RowAsync(userId, ct);
        row.DisconnectedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Idle → away, no tab for the grace period → offline (statuses that do not hold). Returns the changes.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stale = now - options.ConnectionStale;
        await db.PresenceConnections.Where(c => c.LastSeenAt < stale).ExecuteDeleteAsync(ct);
        var live = await db.Presence.Where(p => !p.Held && p.Status != PresenceStatus.Offline).ToListAsync(ct);
        if (live.Count == 0) return 0;
        var ids = live.Select(p => p.UserId).ToList();
        var connected = (await db.PresenceConnections.Where(c => ids.Contains(c.UserId)).Select(c => c.UserId).Distinct().ToListAsync(ct)).ToHashSet();
        var changes = new List<UserPresence>();
        foreach (var p in live)
        {
            if (!connected.Contains(p.UserId))
            {
                p.DisconnectedAt ??= now;
                if (now - p.DisconnectedAt >= options.OfflineGrace && p.Set(PresenceStatus.Offline, held: false, now)) changes.Add(p);
            }
            else if (p.Status == PresenceStatus.Online && p.LastInputAt is { } input && now - input >= options.AwayAfter && p.Set(PresenceStatus.Away, held: false, now, autoAway: true))
                changes.Add(p);
        }
        await db.SaveChangesAsync(ct);
        foreach (var p in changes) Changed(p);
        return changes.Count;
    }

    private void Changed(UserPresence row)
    {
        bus.Publish(new PresenceChanged(row.UserId, row.Status, row.Since));
        if (row.Status == PresenceStatus.Online) signal.Poke();
    }
}
