using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Reviews;

namespace Okno.Web.Reviews;

/// <summary>Reads of reviews, the queue and the verdict audit (REST and the screens share them).</summary>
public sealed class ReviewQueries(OknoDbContext db, ReviewQueue queue)
{
    public async Task<Scorecard> ScorecardAsync(CancellationToken ct) =>
        await db.Scorecards.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Scorecard.SingletonId, ct) ?? Scorecard.Default();

    /// <param name="operatorId">Only reviews of this operator's work (null: all).</param>
    public async Task<IReadOnlyList<ReviewDto>> ReviewsAsync(long? conversationId, long? operatorId, CancellationToken ct)
    {
        var query = db.Reviews.AsNoTracking();
        if (conversationId is { } c) query = query.Where(r => r.ConversationId == c);
        if (operatorId is { } o) query = query.Where(r => r.OperatorId == o);
        var rows = await query.OrderByDescending(r => r.Id).Take(500).ToListAsync(ct);
        var names = await NamesAsync(rows.SelectMany(r => new[] { r.OperatorId, (long?)r.ReviewerId }), ct);
        return rows.Select(r => new ReviewDto(r.Id, r.ConversationId, r.OperatorId, Name(names, r.OperatorId), r.ReviewerId, Name(names, r.ReviewerId),
            r.Scores, r.Average, r.Comment, r.CreatedAt)).ToList();
    }

    public async Task<ReviewQueueDto> QueueAsync(DateTimeOffset week, CancellationToken ct)
    {
        var entries = await queue.ForWeekAsync(week, ct);
        var names = await NamesAsync(entries.SelectMany(e => new[] { e.OperatorId, e.VerdictById }), ct);
        var items = entries.Select(e => new QueueItemDto(e.ConversationId, e.Reasons, e.OperatorId, Name(names, e.OperatorId), e.VerdictById,
            Name(names, e.VerdictById), Okno.Core.Contacts.PhoneMask.MaskInText(e.ContactName ?? $"Клиент"), e.CreatedAt, e.Status, e.IsTarget,
            e.NotTargetReason, e.Reviewed)).ToList();
        return new ReviewQueueDto(ReviewQueue.WeekStart(week), (await ScorecardAsync(ct)).SamplePerOperator, items);
    }

    public async Task<IReadOnlyList<VerdictAuditDto>> AuditsAsync(long conversationId, CancellationToken ct) =>
        (await db.TargetAudits.AsNoTracking().Where(a => a.ConversationId == conversationId).OrderBy(a => a.Id).ToListAsync(ct)).Select(VerdictAuditDto.From).ToList();

    /// <summary>Per operator: "not target" verdicts given in the period (still standing or overturned) and their audits' outcome.</summary>
    public async Task<IReadOnlyList<VerdictStatsDto>> VerdictStatsAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var verdicts = db.Conversations.AsNoTracking().Where(c => c.TargetSetById != null && (c.IsTarget == false || c.NotTargetOverturned));
        var audits = db.TargetAudits.AsNoTracking().Where(a => a.VerdictById != null);
        if (from is { } f) { verdicts = verdicts.Where(c => c.TargetSetAt >= f); audits = audits.Where(a => a.At >= f); }
        if (to is { } t) { verdicts = verdicts.Where(c => c.TargetSetAt < t); audits = audits.Where(a => a.At < t); }
        var given = await verdicts.GroupBy(c => c.TargetSetById!.Value).Select(g => new { UserId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var audited = await audits.GroupBy(a => a.VerdictById!.Value)
            .Select(g => new { UserId = g.Key, Count = g.Count(), Overturned = g.Count(a => a.Overturned) }).ToListAsync(ct);
        var ids = given.Select(g => g.UserId).Union(audited.Select(a => a.UserId)).ToList();
        var names = await NamesAsync(ids.Select(i => (long?)i), ct);
        return ids.Select(id =>
        {
            var g = given.FirstOrDefault(x => x.UserId == id)?.Count ?? 0;
            var a = audited.FirstOrDefault(x => x.UserId == id);
            var count = a?.Count ?? 0;
            var over = a?.Overturned ?? 0;
            return new VerdictStatsDto(id, Name(names, id), g, count, count - over, over, count == 0 ? null : Math.Round((double)over / count, 3));
        }).OrderByDescending(s => s.OverturnRate ?? -1).ThenBy(s => s.Name).ToList();
    }

    private async Task<Dictionary<long, string>> NamesAsync(IEnumerable<long?> ids, CancellationToken ct)
    {
        var list = ids.OfType<long>().Distinct().ToList();
        return list.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    private static string? Name(Dictionary<long, string> names, long? id) => id is { } i && names.TryGetValue(i, out var n) ? n : null;
}
