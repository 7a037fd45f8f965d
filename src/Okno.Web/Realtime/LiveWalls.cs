using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Walls;

namespace Okno.Web.Realtime;

/// <summary>
/// Narrows a live event's audience to the users named on the ethical wall of its conversation or contact. Whether any
/// wall exists at all is re-read every <see cref="Fresh"/> (the node that saves a wall knows at once), so a firm without
/// walls pays no query per event.
/// </summary>
public sealed class LiveWalls(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);
    private volatile Tuple<bool, DateTimeOffset>? _any;

    public void Changed() => _any = null;

    /// <summary>The users allowed to receive the event, or null when no wall covers it.</summary>
    public async Task<IReadOnlySet<long>?> MembersAsync(OknoEvent e, CancellationToken ct)
    {
        var (conversationId, contactId) = Subject(e);
        if (conversationId is null && contactId is null) return null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        if (!await AnyAsync(db, ct)) return null;
        if (conversationId is { } id) return await EthicalWalls.MembersAsync(db, id, ct);
        var walls = await db.EthicalWalls.AsNoTracking().Where(w => w.ContactId == contactId).Select(w => w.Members.Select(m => m.UserId).ToList()).ToListAsync(ct);
        return walls.Count == 0 ? null : walls[0].ToHashSet();
    }

    private async Task<bool> AnyAsync(OknoDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_any is { } known && now - known.Item2 < Fresh) return known.Item1;
        var any = await db.EthicalWalls.AnyAsync(ct);
        _any = Tuple.Create(any, now);
        return any;
    }

    private static (long? ConversationId, long? ContactId) Subject(OknoEvent e) => e switch
    {
        MessageCreated m => (m.ConversationId, m.ContactId),
        MessageStatusChanged s => (s.ConversationId, null),
        ConversationUpdated u => (u.ConversationId, null),
        ConversationOpened o => (o.ConversationId, o.ContactId),
        UserNotified n => (n.ConversationId, null),
        Okno.Core.Desk.ConversationAssigned a => (a.ConversationId, null),
        Okno.Core.Desk.SlaAtRisk r => (r.ConversationId, null),
        Okno.Core.Desk.SlaBreached b => (b.ConversationId, null),
        ContactCreated c => (null, c.ContactId),
        ContactsMerged m => (null, m.SurvivorId),
        _ => (null, null),
    };
}
