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
        var all = await ListAsync(db, ct);
        return all.Where(e => ids.Contains(e.ConversationId)).ToDictionary(e => e.ConversationId, e => e.Position);
    }
}
