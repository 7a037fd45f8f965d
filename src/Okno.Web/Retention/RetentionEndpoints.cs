using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Audit;
using Okno.Core.Data;
using Okno.Core.Retention;
using Okno.Web.Audit;
using Okno.Web.Auth;

namespace Okno.Web.Retention;

/// <summary>Retention rules, their dry run and run, and legal holds (administrator only; docs/decisions/0021).</summary>
public static class RetentionEndpoints
{
    public sealed record RuleDto(string? Action, int? Months, string? Target, Guid? ChannelId);
    public sealed record RulesBody(IReadOnlyList<RuleDto>? Rules);
    public sealed record HoldBody(long? ContactId, long? ConversationId, string? Reason);
    public sealed record HoldDto(long Id, long? ContactId, long? ConversationId, string Reason, long? CreatedById, DateTimeOffset CreatedAt, DateTimeOffset? ReleasedAt);
    public sealed record PlanDto(DateTimeOffset At, bool DryRun, int Conversations, int Messages, int Files, IReadOnlyList<RetentionItem> Items, IReadOnlyList<long> HeldConversationIds);

    public static void AddRetention(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RetentionRun>();
        builder.Services.AddSingleton(new RetentionSchedule(builder.Configuration.GetValue("Okno:Retention:RunDaily", true)));
        builder.Services.AddHostedService<RetentionScheduler>();
    }

    public static void MapRetention(this WebApplication app)
    {
        var retention = app.MapGroup("/api/v1/retention").WithTags("Retention").RequireAuthorization(AuthSetup.AdminPolicy);
        retention.MapGet("/", async (OknoDbContext db, CancellationToken ct) => TypedResults.Ok(new RulesBody((await db.RetentionRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct)).Select(Dto).ToList())));
        retention.MapPut("/", SetRulesAsync);
        retention.MapGet("/dry-run", async (RetentionRun run, AuditTrail audit, CancellationToken ct) =>
        {
            var plan = await run.PlanAsync(ct);
            await audit.RecordAsync(RetentionAudit.DryRun, AuditObjects.Conversation, null, RetentionAudit.Summary(plan), ct);
            return TypedResults.Ok(Dto(plan, dryRun: true));
        });
        retention.MapPost("/run", async (RetentionRun run, AuditLog log, AuditActor actor, HttpContext ctx) =>
        {
            var plan = await run.ApplyAsync(ctx.RequestAborted);
            await RetentionAudit.RanAsync(log, plan, actor.UserId, actor.Ip, ctx.RequestAborted);
            return TypedResults.Ok(Dto(plan, dryRun: false));
        });

        var holds = app.MapGroup("/api/v1/legal-holds").WithTags("Retention").RequireAuthorization(AuthSetup.AdminPolicy);
        holds.MapGet("/", async (OknoDbContext db, CancellationToken ct) => TypedResults.Ok((await db.LegalHolds.AsNoTracking().OrderBy(h => h.Id).ToListAsync(ct)).Select(Dto).ToList()));
        holds.MapPost("/", PlaceHoldAsync);
        holds.MapDelete("/{id:long}", ReleaseHoldAsync);
    }

    private static RuleDto Dto(RetentionRule r) => new(r.Action == RetentionAction.Delete ? "delete" : "anonymise", r.Months,
        r.Target switch { RetentionTarget.Target => "target", RetentionTarget.NonTarget => "non-target", _ => "any" }, r.ChannelAccountId);

    private static HoldDto Dto(LegalHold h) => new(h.Id, h.ContactId, h.ConversationId, h.Reason, h.CreatedById, h.CreatedAt, h.ReleasedAt);

    public static PlanDto Dto(RetentionPlan p, bool dryRun) =>
        new(p.At, dryRun, p.Items.Count, p.Items.Sum(i => i.Messages), p.Items.Sum(i => i.Files), p.Items, p.HeldConversationIds);

    private static async Task<Results<Ok<RulesBody>, ValidationProblem>> SetRulesAsync(RulesBody? body, OknoDbContext db, AuditTrail audit, CancellationToken ct)
    {
        if (body?.Rules is not { } dtos)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["rules"] = ["Передайте список правил (можно пустой): { \"rules\": [{ \"action\": \"delete\", \"months\": 36 }] }."] });
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
            if (error is not null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = [error] });
            var rule = new RetentionRule(action!.Value, d!.Months!.Value, target!.Value, d.ChannelId);
            if (rules.Any(r => r.ChannelAccountId == rule.ChannelAccountId && r.Target == rule.Target))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = ["Два правила для одного канала и одного исхода: оставьте одно."] });
            rules.Add(rule);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.RetentionRules.ExecuteDeleteAsync(ct);
        db.RetentionRules.AddRange(rules);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await audit.RecordAsync(RetentionAudit.RulesChanged, AuditObjects.Conversation, null, $"rules={rules.Count}", ct);
        return TypedResults.Ok(new RulesBody(rules.Select(Dto).ToList()));
    }

    private static async Task<Results<Created<HoldDto>, ValidationProblem, ProblemHttpResult>> PlaceHoldAsync(HoldBody? body, HttpContext ctx, OknoDbContext db, TimeProvider clock, AuditTrail audit)
    {
        var reason = body?.Reason?.Trim();
        if (body is null || (body.ContactId is null) == (body.ConversationId is null))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["contactId"] = ["Укажите либо contactId, либо conversationId."] });
        if (reason is not { Length: > 0 and <= LegalHold.MaxReasonLength })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"Основание удержания: от 1 до {LegalHold.MaxReasonLength} символов."] });
        var ct = ctx.RequestAborted;
        var exists = body.ContactId is { } contactId ? await db.Contacts.AnyAsync(c => c.Id == contactId, ct) : await db.Conversations.AnyAsync(c => c.Id == body.ConversationId, ct);
        if (!exists) return TypedResults.Problem(body.ContactId is not null ? "Контакт не найден." : "Обращение не найдено.", statusCode: 404, title: "Не найдено");
        var hold = new LegalHold(body.ContactId, body.ConversationId, reason, CurrentUser.From(ctx.User).Id, clock.GetUtcNow());
        db.LegalHolds.Add(hold);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(RetentionAudit.HoldPlaced, body.ContactId is not null ? AuditObjects.Contact : AuditObjects.Conversation,
            AuditChain.Id(body.ContactId ?? body.ConversationId!.Value), $"hold={hold.Id}", ct);
        return TypedResults.Created($"/api/v1/legal-holds/{hold.Id}", Dto(hold));
    }

    private static async Task<Results<Ok<HoldDto>, NotFound>> ReleaseHoldAsync(long id, OknoDbContext db, TimeProvider clock, AuditTrail audit, CancellationToken ct)
    {
        var hold = await db.LegalHolds.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hold is null) return TypedResults.NotFound();
        hold.Release(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(RetentionAudit.HoldReleased, hold.ContactId is not null ? AuditObjects.Contact : AuditObjects.Conversation,
            AuditChain.Id(hold.ContactId ?? hold.ConversationId!.Value), $"hold={hold.Id}", ct);
        return TypedResults.Ok(Dto(hold));
    }
}
