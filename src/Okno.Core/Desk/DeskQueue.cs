using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;

namespace Okno.Core.Desk;

public sealed record QueueEntry(long ConversationId, int Position, DateTimeOffset WaitingSince, long? TeamId, long ContactId);

/// <summary>
/// The queue: open requests nobody holds, first come first served by the client's first unanswered message
/// (the creation time when nothing is unanswered). Positions count within a team (null: no team), from 1.
/// </summary>
public static class DeskQueue
{
    public static IQueryable<Conversation> Waiting(OknoDbContext db) =>
        db.Conversations.Where(c => c.AssigneeId == null && (c.Status == ConversationStatus.Open || c.Status == ConversationStatus.Pending));

    public static async Task<IReadOnlyList<QueueEntry>> ListAsync(OknoDbContext db, CancellationToken ct)
    {
        var rows = await Waiting(db).AsNoTracking()
            .Select(c => new { c.Id, c.TeamId, c.ContactId, c.WaitingSince, c.CreatedAt }).ToListAsync(ct);
        return rows.Select(r => (r, At: r.WaitingSince ?? r.CreatedAt))
            .GroupBy(x => x.r.TeamId)
            .SelectMany(g => g.OrderBy(x => x.At).ThenBy(x => x.r.Id).Select((x, i) => new QueueEntry(x.r.Id, i + 1, x.At, x.r.TeamId, x.r.ContactId)))
            .OrderBy(e => e.WaitingSince).ThenBy(e => e.ConversationId).ToList();
    }

    /// <summary>Positions of the given conversations (absent: not waiting).</summary>
    public static async Task<Dictionary<long, int>> PositionsAsync(OknoDbContext db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        if (ids.Count == 1) return await PositionOfAsync(db, ids.First(), ct);
        // Sorted in the database from IX_Conversations_Queue, two integers a row: the page needs a few places out of
        // a queue that may be long (materialising every waiting request as in ListAsync cost ~100 ms at 20 000).
        var order = await Waiting(db).AsNoTracking().OrderBy(c => c.TeamId).ThenBy(c => c.WaitingSince ?? c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.TeamId }).ToListAsync(ct);
        var wanted = ids as IReadOnlySet<long> ?? ids.ToHashSet();
        var positions = new Dictionary<long, int>();
        long? team = null;
        var place = 0;
        for (var i = 0; i < order.Count; i++)
        {
            if (i == 0 || order[i].TeamId != team) { team = order[i].TeamId; place = 0; }
            place++;
            if (wanted.Contains(order[i].Id)) positions[order[i].Id] = place;
        }
        return positions;
    }

    /// <summary>One conversation's place, counted in the database (an open conversation asks; the queue may be long).</summary>
    private static async Task<Dictionary<long, int>> PositionOfAsync(OknoDbContext db, long id, CancellationToken ct)
    {
        var me = await Waiting(db).AsNoTracking().Where(c => c.Id == id).Select(c => new { c.TeamId, At = c.WaitingSince ?? c.CreatedAt }).FirstOrDefaultAsync(ct);
        if (me is null) return [];
        var ahead = await Waiting(db).Where(c => c.TeamId == me.TeamId
            && ((c.WaitingSince ?? c.CreatedAt) < me.At || ((c.WaitingSince ?? c.CreatedAt) == me.At && c.Id < id))).CountAsync(ct);
        return new() { [id] = ahead + 1 };
    }
}
