using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Okno.Core;
using Okno.Core.Data;
using Okno.Core.Rules;
using Okno.Web.Rules.Actions;

namespace Okno.Web.Rules;

/// <summary>
/// Runs one job: the enabled rules of its event in order (a time-based job: its one rule), each whose conditions
/// hold runs its actions in order. Every firing is logged; a refused action is logged on the conversation too.
/// The per-conversation cap stops runaway chains (rules triggering rules) and is logged when hit.
/// </summary>
public sealed class RuleRunner(OknoDbContext db, IEnumerable<IRuleAction> actions, ConversationEffects effects, TimeProvider clock, ILogger<RuleRunner> log)
{
    /// <summary>Firings per conversation within an hour, after which rules stop for it until the hour has passed.</summary>
    public const int CapPerHour = 20;

    private readonly Dictionary<string, IRuleAction> _actions = actions.ToDictionary(a => a.Type);

    public async Task RunAsync(RuleJob job, CancellationToken ct)
    {
        var rules = await db.Rules.AsNoTracking()
            .Where(r => r.Enabled && r.Event == job.Event && (job.RuleId == null || r.Id == job.RuleId) && r.Id != job.CausedByRuleId)
            .OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(ct);
        foreach (var rule in rules)
        {
            // A retried job: rules already logged for it are not run twice.
            if (await db.RuleFirings.AnyAsync(f => f.JobId == job.Id && f.RuleId == rule.Id, ct)) continue;
            var facts = await RuleFacts.LoadAsync(db, job.ConversationId, job.MessageId, clock, ct);
            if (facts is null) return;
            var definition = RuleDefinition.Of(rule);
            var (match, why) = definition.Test(facts);
            if (!match) continue;
            var now = clock.GetUtcNow();
            var recent = await db.RuleFirings.CountAsync(f => f.ConversationId == job.ConversationId && !f.Capped && f.At > now.AddHours(-1), ct);
            if (recent >= CapPerHour)
            {
                var capped = await db.RuleFirings.AnyAsync(f => f.ConversationId == job.ConversationId && f.Capped && f.At > now.AddHours(-1), ct);
                db.RuleFirings.Add(new RuleFiring(rule.Id, job.Id, job.ConversationId, job.Event, $"не выполнено: {CapPerHour} срабатываний за час в этом обращении", "[]", false, false, true, now));
                await db.SaveChangesAsync(ct);
                if (!capped) await effects.LineAsync(job.ConversationId, $"Правила остановлены для этого обращения на час: {CapPerHour} срабатываний за час (защита от зацикливания).", ct);
                log.LogWarning("Rule {RuleId}: per-conversation cap hit on conversation {ConversationId}", rule.Id, job.ConversationId);
                continue;
            }
            var replied = await db.RuleFirings.AnyAsync(f => f.RuleId == rule.Id && f.ConversationId == job.ConversationId && f.Replied, ct);
            var context = new RuleActionContext(rule.Id, rule.Name, facts, job.Event, job.Quiet, replied);
            var outcomes = await ExecuteAsync(context, definition.Actions, ct);
            db.RuleFirings.Add(new RuleFiring(rule.Id, job.Id, job.ConversationId, job.Event, why, Json(outcomes), outcomes.All(o => o.Ok),
                outcomes.Any(o => o.Replied), false, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<List<ActionResult>> ExecuteAsync(RuleActionContext context, IReadOnlyList<JsonObject> list, CancellationToken ct)
    {
        var outcomes = new List<ActionResult>();
        using var cause = RuleCause.Enter(context.RuleId);
        foreach (var p in list)
        {
            var type = RuleParams.String(p, "type") ?? "";
            RuleActionOutcome outcome;
            try
            {
                outcome = _actions.TryGetValue(type, out var action) ? await action.ExecuteAsync(context, p, ct) : new(false, $"нет действия «{type}»");
            }
            catch (DomainException ex)
            {
                db.ChangeTracker.Clear();
                outcome = new(false, ex.Message);
            }
            if (!outcome.Ok) await effects.LineAsync(context.ConversationId, $"{context.Who}: действие «{type}» не выполнено — {outcome.Detail}", ct);
            outcomes.Add(new ActionResult(type, outcome.Ok, outcome.Detail, outcome.Replied, outcome.Skipped));
            if (outcome.Replied) context = context with { AlreadyReplied = true };
            // Later actions see what earlier ones did (a label added, an assignee set).
            if (await RuleFacts.LoadAsync(db, context.ConversationId, context.Facts.Message?.Id, clock, ct) is { } fresh) context = context with { Facts = fresh };
        }
        return outcomes;
    }

    /// <summary>What a rule would do with a sample, without doing it (the screen's "test").</summary>
    public static (bool Match, string Why) DryRun(RuleDefinition definition, RuleFacts facts) => definition.Test(facts);

    public sealed record ActionResult(string Type, bool Ok, string Detail, bool Replied, bool Skipped);

    private static string Json(List<ActionResult> outcomes) => JsonSerializer.Serialize(outcomes.Select(o => new { type = o.Type, ok = o.Ok, detail = o.Detail, skipped = o.Skipped }),
        new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
