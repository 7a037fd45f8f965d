using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Files;

namespace Okno.Core.Retention;

public sealed record RetentionItem(long ConversationId, long ContactId, Guid ChannelAccountId, string Action, long RuleId, DateTimeOffset ResolvedAt, int Messages, int Files);

public sealed record RetentionPlan(DateTimeOffset At, IReadOnlyList<RetentionItem> Items, IReadOnlyList<long> HeldConversationIds);

/// <summary>
/// What the rules say must go now (the dry run), and doing it. A conversation goes when it is resolved, the rule that
/// decides it (<see cref="RetentionRule.For"/>) says so for the time since it was resolved, it has not been through
/// retention yet, and neither it nor its contact is under a legal hold. The run re-plans under the same rules
/// and clock, so it does exactly what a dry run at that moment lists.
/// </summary>
public sealed class RetentionRun(OknoDbContext db, IFileStore files, TimeProvider clock, Reports.RequestMetricsQueue metrics)
{
    public const string Removed = "[удалено по сроку хранения]";

    public async Task<RetentionPlan> PlanAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rules = await db.RetentionRules.AsNoTracking().ToListAsync(ct);
        if (rules.Count == 0) return new RetentionPlan(now, [], []);
        var holds = await db.LegalHolds.AsNoTracking().Where(h => h.ReleasedAt == null).ToListAsync(ct);
        var heldContacts = holds.Where(h => h.ContactId is not null).Select(h => h.ContactId!.Value).ToHashSet();
        var heldConversations = holds.Where(h => h.ConversationId is not null).Select(h => h.ConversationId!.Value).ToHashSet();
        var candidates = await db.Conversations.AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Resolved && c.ResolvedAt != null && c.RetainedAt == null)
            .Select(c => new { c.Id, c.ContactId, c.SourceChannelAccountId, c.IsTarget, ResolvedAt = c.ResolvedAt!.Value })
            .ToListAsync(ct);
        var due = new List<(long Id, long ContactId, Guid Channel, RetentionRule Rule, DateTimeOffset ResolvedAt)>();
        var held = new List<long>();
        foreach (var c in candidates)
        {
            if (RetentionRule.For(rules, c.SourceChannelAccountId, c.IsTarget) is not { } rule || c.ResolvedAt.AddMonths(rule.Months) > now) continue;
            if (heldConversations.Contains(c.Id) || heldContacts.Contains(c.ContactId)) { held.Add(c.Id); continue; }
            due.Add((c.Id, c.ContactId, c.SourceChannelAccountId, rule, c.ResolvedAt));
        }
        var ids = due.Select(d => d.Id).ToList();
        var counts = new Dictionary<long, (int Messages, int Files)>();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.Messages.AsNoTracking().Where(m => chunk.Contains(m.ConversationId))
                .GroupBy(m => m.ConversationId).Select(g => new { g.Key, Messages = g.Count(), Files = g.Sum(m => m.Attachments.Count) }).ToListAsync(ct);
            foreach (var r in rows) counts[r.Key] = (r.Messages, r.Files);
        }
        var items = due.OrderBy(d => d.Id).Select(d => new RetentionItem(d.Id, d.ContactId, d.Channel, d.Rule.Action == RetentionAction.Delete ? "delete" : "anonymise",
            d.Rule.Id, d.ResolvedAt, counts.GetValueOrDefault(d.Id).Messages, counts.GetValueOrDefault(d.Id).Files)).ToList();
        return new RetentionPlan(now, items, held.Order().ToList());
    }

    /// <summary>Plans and applies, one conversation per transaction; files are removed from the store after their rows.</summary>
    public async Task<RetentionPlan> ApplyAsync(CancellationToken ct)
    {
        var plan = await PlanAsync(ct);
        foreach (var item in plan.Items) await ApplyAsync(item, plan.At, ct);
        return plan;
    }

    private async Task ApplyAsync(RetentionItem item, DateTimeOffset now, CancellationToken ct)
    {
        var messageIds = await db.Messages.Where(m => m.ConversationId == item.ConversationId).Select(m => m.Id).ToListAsync(ct);
        var keys = new List<string>();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // A hold placed since the plan was made still wins.
            if (await db.LegalHolds.AnyAsync(h => h.ReleasedAt == null && (h.ConversationId == item.ConversationId || h.ContactId == item.ContactId), ct)) return;
            foreach (var chunk in messageIds.Chunk(500))
            {
                keys.AddRange(await db.Attachments.Where(a => chunk.Contains(a.MessageId) && a.StorageKey != null).Select(a => a.StorageKey!).ToListAsync(ct));
                await db.Attachments.Where(a => chunk.Contains(a.MessageId)).ExecuteDeleteAsync(ct);
                if (item.Action == "delete")
                {
                    await db.Outbox.Where(o => chunk.Contains(o.MessageId)).ExecuteDeleteAsync(ct);
                    await db.Messages.Where(m => chunk.Contains(m.Id)).ExecuteDeleteAsync(ct);
                }
                else
                    await db.Messages.Where(m => chunk.Contains(m.Id)).ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Text, m => m.Text == null ? null : Removed).SetProperty(m => m.Template, (string?)null)
                        .SetProperty(m => m.Error, (string?)null), ct);
            }
            var conversation = await db.Conversations.FirstAsync(c => c.Id == item.ConversationId, ct);
            conversation.MarkRetained(now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        metrics.Mark(item.ConversationId);
        foreach (var key in keys) await files.DeleteAsync(key, ct);
    }
}
