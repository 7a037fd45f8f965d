using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;

namespace Okno.Core.Reviews;

/// <summary>
/// What reviewers look at in a week (Monday 00:00 UTC, seven days): a random sample of each operator's requests
/// (seeded by the week, so everyone sees the same sample and a reload does not reshuffle it), every request with an
/// SLA breach, and every "not target" verdict not yet audited (whenever it was given: none escapes the audit).
/// </summary>
public sealed class ReviewQueue(OknoDbContext db)
{
    public const string Sample = "sample", NotTarget = "notTarget", SlaBreached = "slaBreached";

    public static DateTimeOffset WeekStart(DateTimeOffset at)
    {
        var day = at.UtcDateTime.Date;
        var back = ((int)day.DayOfWeek + 6) % 7;
        return new DateTimeOffset(day.AddDays(-back), TimeSpan.Zero);
    }

    public async Task<IReadOnlyList<QueueEntry>> ForWeekAsync(DateTimeOffset anyDayOfWeek, CancellationToken ct)
    {
        var from = WeekStart(anyDayOfWeek);
        var to = from.AddDays(7);
        var size = (await db.Scorecards.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Scorecard.SingletonId, ct) ?? Scorecard.Default()).SamplePerOperator;

        var week = await db.Conversations.AsNoTracking().Where(c => c.CreatedAt >= from && c.CreatedAt < to && c.AssigneeId != null)
            .Select(c => new { c.Id, c.AssigneeId, Breached = c.SlaBreachesJson != "[]" }).ToListAsync(ct);
        var reasons = new Dictionary<long, SortedSet<string>>();
        void Add(long id, string reason) { if (!reasons.TryGetValue(id, out var set)) reasons[id] = set = []; set.Add(reason); }

        var seed = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var byOperator in week.GroupBy(c => c.AssigneeId))
            foreach (var c in byOperator.OrderBy(c => Rank(seed, c.Id)).ThenBy(c => c.Id).Take(size)) Add(c.Id, Sample);
        foreach (var c in week.Where(c => c.Breached)) Add(c.Id, SlaBreached);

        var pendingVerdicts = await db.Conversations.AsNoTracking().Where(c => c.IsTarget == false)
            .Where(c => !db.TargetAudits.Any(a => a.ConversationId == c.Id && (c.TargetSetAt == null || a.At >= c.TargetSetAt)))
            .Select(c => c.Id).ToListAsync(ct);
        foreach (var id in pendingVerdicts) Add(id, NotTarget);

        var ids = reasons.Keys.ToList();
        var rows = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.AssigneeId, c.TargetSetById, c.CreatedAt, c.Status, c.IsTarget, c.NotTargetReason,
                Contact = db.Contacts.Where(x => x.Id == c.ContactId).Select(x => x.Name).FirstOrDefault(),
                Reviewed = db.Reviews.Any(r => r.ConversationId == c.Id),
            }).ToListAsync(ct);
        return rows.Select(r => new QueueEntry(r.Id, [.. reasons[r.Id]], r.AssigneeId, r.TargetSetById, r.Contact, r.CreatedAt, r.Status, r.IsTarget,
                r.NotTargetReason, r.Reviewed))
            .OrderBy(e => e.Reviewed).ThenByDescending(e => e.Reasons.Contains(NotTarget)).ThenBy(e => e.CreatedAt).ToList();
    }

    /// <summary>A stable pseudo-random rank of a request in a week's sample (the same on every node and every call).</summary>
    public static ulong Rank(string seed, long conversationId) =>
        BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{conversationId.ToString(CultureInfo.InvariantCulture)}")), 0);
}

/// <summary>One request in the review queue and why it is there.</summary>
public sealed record QueueEntry(long ConversationId, IReadOnlyList<string> Reasons, long? OperatorId, long? VerdictById, string? ContactName,
    DateTimeOffset CreatedAt, ConversationStatus Status, bool? IsTarget, string? NotTargetReason, bool Reviewed);
