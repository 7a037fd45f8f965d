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
        builder.Services.AddScoped<RetentionAdmin>();
        builder.Services.AddSingleton(new RetentionSchedule(builder.Configuration.GetValue("Okno:Retention:RunDaily", true)));
        builder.Services.AddHostedService<RetentionScheduler>();
    }

    public static void MapRetention(this WebApplication app)
    {
        var retention = app.MapGroup("/api/v1/retention").WithTags("Retention").RequireAuthorization(AuthSetup.AdminPolicy);
        retention.MapGet("/", async (RetentionAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.RulesAsync(ct)));
        retention.MapPut("/", SetRulesAsync);
        retention.MapGet("/dry-run", async (RetentionAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.DryRunAsync(ct)));
        retention.MapPost("/run", async (RetentionAdmin admin, HttpContext ctx) => TypedResults.Ok(await admin.RunAsync(ctx.RequestAborted)));

        var holds = app.MapGroup("/api/v1/legal-holds").WithTags("Retention").RequireAuthorization(AuthSetup.AdminPolicy);
        holds.MapGet("/", async (RetentionAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.HoldsAsync(ct)));
        holds.MapPost("/", PlaceHoldAsync);
        holds.MapDelete("/{id:long}", ReleaseHoldAsync);
    }

    public static RuleDto Dto(RetentionRule r) => new(r.Action == RetentionAction.Delete ? "delete" : "anonymise", r.Months,
        r.Target switch { RetentionTarget.Target => "target", RetentionTarget.NonTarget => "non-target", _ => "any" }, r.ChannelAccountId);

    public static HoldDto Dto(LegalHold h) => new(h.Id, h.ContactId, h.ConversationId, h.Reason, h.CreatedById, h.CreatedAt, h.ReleasedAt);

    public static PlanDto Dto(RetentionPlan p, bool dryRun) =>
        new(p.At, dryRun, p.Items.Count, p.Items.Sum(i => i.Messages), p.Items.Sum(i => i.Files), p.Items, p.HeldConversationIds);

    private static async Task<Results<Ok<RulesBody>, NotFound, ValidationProblem>> SetRulesAsync(RulesBody? body, RetentionAdmin admin, CancellationToken ct) =>
        (await admin.SetRulesAsync(body, ct)).Updated();

    private static async Task<Results<Created<HoldDto>, ValidationProblem, ProblemHttpResult>> PlaceHoldAsync(HoldBody? body, HttpContext ctx, RetentionAdmin admin)
    {
        var placed = await admin.PlaceHoldAsync(body, CurrentUser.From(ctx.User).Id, ctx.RequestAborted);
        if (placed.NotFound) return TypedResults.Problem(body?.ContactId is not null ? "Контакт не найден." : "Обращение не найдено.", statusCode: 404, title: "Не найдено");
        return placed.Value is { } hold ? TypedResults.Created($"/api/v1/legal-holds/{hold.Id}", hold) : TypedResults.ValidationProblem(placed.Errors);
    }

    private static async Task<Results<Ok<HoldDto>, NotFound>> ReleaseHoldAsync(long id, RetentionAdmin admin, CancellationToken ct) =>
        await admin.ReleaseHoldAsync(id, ct) is { } hold ? TypedResults.Ok(hold) : TypedResults.NotFound();
}
