using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Desk;

namespace Okno.Web.Reports;

/// <summary>
/// GET /api/v1/reports/live: the desk right now. Open = not resolved (open, pending, snoozed); waiting = in the queue
/// (nobody holds it, DeskQueue); the longest wait is the queue's; online = staff whose presence is «В сети».
/// Screens refresh it on the hub's queueChanged / conversationUpdated / presenceChanged / sla* events.
/// </summary>
public sealed class LiveQueries(OknoDbContext db, TimeProvider clock)
{
    public async Task<LiveOverview> LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var active = db.Conversations.Where(c => c.Status != ConversationStatus.Resolved);
        var open = await active.CountAsync(ct);
        var queue = await DeskQueue.Waiting(db).Select(c => c.WaitingSince ?? c.CreatedAt).ToListAsync(ct);
        var atRisk = await active.CountAsync(c => c.SlaState == SlaState.AtRisk, ct);
        var breached = await active.CountAsync(c => c.SlaState == SlaState.Breached, ct);
        var unanswered = await active.CountAsync(c => c.WaitingSince != null, ct);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Join(db.Presence.AsNoTracking(), u => u.Id, p => p.UserId, (u, p) => new { u.Id, u.Name, p.Status })
            .Where(x => x.Status != PresenceStatus.Offline).ToListAsync(ct);
        var load = await active.Where(c => c.AssigneeId != null).GroupBy(c => c.AssigneeId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var longest = queue.Count == 0 ? 0 : Okno.Core.Reports.MetricsCalculator.Seconds(now - queue.Min());
        var operators = users.OrderBy(u => u.Status).ThenByDescending(u => load.GetValueOrDefault(u.Id)).ThenBy(u => u.Name, StringComparer.CurrentCulture)
            .Select(u => new LiveOperator(u.Id, u.Name, DeskNames.Wire(u.Status), load.GetValueOrDefault(u.Id))).ToList();
        return new LiveOverview(open, queue.Count, longest, users.Count(u => u.Status == PresenceStatus.Online), atRisk, breached, unanswered, operators);
    }
}
