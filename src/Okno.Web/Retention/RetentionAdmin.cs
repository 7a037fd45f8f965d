using Microsoft.EntityFrameworkCore;
using Okno.Core.Audit;
using Okno.Core.Data;
using Okno.Core.Retention;
using Okno.Web.Audit;
using Okno.Web.Desk;
using static Okno.Web.Retention.RetentionEndpoints;

namespace Okno.Web.Retention;

/// <summary>The administrator's retention work — rules, holds — shared by the API and /admin/retention; every change audited.</summary>
public sealed class RetentionAdmin(OknoDbContext db, TimeProvider clock, AuditTrail audit, RetentionRun run, AuditLog log, AuditActor actor)
{
    /// <summary>What a run would remove now — the same planner the run uses.</summary>
    public async Task<PlanDto> DryRunAsync(CancellationToken ct)
    {
        var plan = await run.PlanAsync(ct);
        await audit.RecordAsync(RetentionAudit.DryRun, AuditObjects.Conversation, null, RetentionAudit.Summary(plan), ct);
        return Dto(plan, dryRun: true);
    }

    public async Task<PlanDto> RunAsync(CancellationToken ct)
    {
        var plan = await run.ApplyAsync(ct);
        await RetentionAudit.RanAsync(log, plan, actor.UserId, actor.Ip, ct);
        return Dto(plan, dryRun: false);
    }

    public async Task<RulesBody> RulesAsync(CancellationToken ct) =>
        new((await db.RetentionRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct)).Select(Dto).ToList());

    public async Task<IReadOnlyList<HoldDto>> HoldsAsync(CancellationToken ct) =>
        (await db.LegalHolds.AsNoTracking().OrderBy(h => h.Id).ToListAsync(ct)).Select(Dto).ToList();

    /// <summary>Replaces the rules; refuses the whole list at its first bad rule.</summary>
    public async Task<DeskChange<RulesBody>> SetRulesAsync(RulesBody? body, CancellationToken ct)
    {
        if (body?.Rules is not { } dtos)
            return Refused<RulesBody>("rules", "Передайте список правил (можно пустой): { \"rules\": [{ \"action\": \"delete\", \"months\": 36 }] }.");
        var rules = new List<RetentionRule>();
        var channels = (await db.ChannelAccounts.AsNoTracking().Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        for (var i = 0; i < dtos.Count; i++)
        {
            var d = dtos[i];
            var key = $"rules[{i}]";
            RetentionAction? action = d?.Action switch { "delete" => RetentionAction.Delete, "anonymise" or "anonymize" => RetentionAction.Anonymise, _ => null };
            RetentionTarget? target = (d?.Target ?? "any") switch { "any" => RetentionTarget.Any, "target" => RetentionTarget.Target, "non-target" => RetentionTarget.NonTarget, _ => null };
            string? error = d is null ? "Пустое правило."
                : action is null ? "action: delete или anonymise."
                : d.Months is not (>= 1 and <= RetentionRule.MaxMonths) ? $"months: целое число месяцев от 1 до {RetentionRule.MaxMonths} после закрытия обращения."
                : target is null ? "target: any, target или non-target."
                : d.ChannelId is { } ch && !channels.Contains(ch) ? $"Канал {ch} не найден."
                : null;
            if (error is not null) return Refused<RulesBody>(key, error);
            var rule = new RetentionRule(action!.Value, d!.Months!.Value, target!.Value, d.ChannelId);
            if (rules.Any(r => r.ChannelAccountId == rule.ChannelAccountId && r.Target == rule.Target))
                return Refused<RulesBody>(key, "Два правила для одного канала и одного исхода: оставьте одно.");
            rules.Add(rule);
        }
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.RetentionRules.ExecuteDeleteAsync(ct);
            db.RetentionRules.AddRange(rules);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await audit.RecordAsync(RetentionAudit.RulesChanged, AuditObjects.Conversation, null, $"rules={rules.Count}", ct);
        return DeskChange.Done(new RulesBody(rules.Select(Dto).ToList()));
    }

    public async Task<DeskChange<HoldDto>> PlaceHoldAsync(HoldBody? body, long? byUserId, CancellationToken ct)
    {
        var reason = body?.Reason?.Trim();
        if (body is null || (body.ContactId is null) == (body.ConversationId is null)) return Refused<HoldDto>("contactId", "Укажите либо contactId, либо conversationId.");
        if (reason is not { Length: > 0 and <= LegalHold.MaxReasonLength }) return Refused<HoldDto>("reason", $"Основание удержания: от 1 до {LegalHold.MaxReasonLength} символов.");
        var exists = body.ContactId is { } contactId ? await db.Contacts.AnyAsync(c => c.Id == contactId, ct) : await db.Conversations.AnyAsync(c => c.Id == body.ConversationId, ct);
        if (!exists) return DeskChange.Missing<HoldDto>();
        var hold = new LegalHold(body.ContactId, body.ConversationId, reason, byUserId, clock.GetUtcNow());
        db.LegalHolds.Add(hold);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(RetentionAudit.HoldPlaced, body.ContactId is not null ? AuditObjects.Contact : AuditObjects.Conversation,
            AuditChain.Id(body.ContactId ?? body.ConversationId!.Value), $"hold={hold.Id}", ct);
        return DeskChange.Done(Dto(hold));
    }

    public async Task<HoldDto?> ReleaseHoldAsync(long id, CancellationToken ct)
    {
        var hold = await db.LegalHolds.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hold is null) return null;
        hold.Release(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(RetentionAudit.HoldReleased, hold.ContactId is not null ? AuditObjects.Contact : AuditObjects.Conversation,
            AuditChain.Id(hold.ContactId ?? hold.ConversationId!.Value), $"hold={hold.Id}", ct);
        return Dto(hold);
    }

    private static DeskChange<T> Refused<T>(string key, string error) where T : class => new(null, new Dictionary<string, string[]> { [key] = [error] });
}
