using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core;
using Okno.Core.Audit;
using Okno.Core.Data;
using Okno.Core.Operators;
using Okno.Core.Reviews;
using Okno.Web.Audit;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Reviews;

/// <summary>
/// Supervisor review (issue 13.7): the admin's scorecard, scorecards of requests, the review queue, the audit of
/// "not target" verdicts. Reviewers are supervisors, admins and quality control (<see cref="UserRoles.Reviews"/>);
/// an operator reads only the reviews of their own work.
/// </summary>
public static class ReviewEndpoints
{
    public static void MapReviews(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/reviews").WithTags("Reviews").RequireAuthorization();
        group.MapGet("/scorecard", async (ReviewQueries q, HttpContext ctx) => TypedResults.Ok(ScorecardDto.From(await q.ScorecardAsync(ctx.RequestAborted))));
        group.MapPut("/scorecard", PutScorecardAsync).RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapGet("/", ListAsync);
        group.MapGet("/mine", async (ReviewQueries q, HttpContext ctx) =>
            TypedResults.Ok(new ItemsOf<ReviewDto>(await q.ReviewsAsync(null, CurrentUser.From(ctx.User).Id, ctx.RequestAborted))));
        group.MapGet("/queue", QueueAsync).RequireAuthorization(AuthSetup.ReviewerPolicy);
        group.MapGet("/verdicts", VerdictsAsync).RequireAuthorization(AuthSetup.ReviewerPolicy);

        var conversations = app.MapGroup("/api/v1/conversations/{id:long}").WithTags("Reviews").RequireAuthorization();
        conversations.MapPost("/reviews", PostReviewAsync).ReviewersOnly();
        conversations.MapGet("/reviews", ConversationReviewsAsync);
        conversations.MapPost("/target-audit", PostAuditAsync).ReviewersOnly();
        conversations.MapGet("/target-audit", async (long id, HttpContext ctx, OknoDbContext db, ReviewQueries q) =>
            await ConversationsEndpoints.VisibleAsync(id, ctx, db) is null ? (IResult)TypedResults.NotFound()
                : TypedResults.Ok(new ItemsOf<VerdictAuditDto>(await q.AuditsAsync(id, ctx.RequestAborted)))).RequireAuthorization(AuthSetup.ReviewerPolicy);
    }

    public static void AddReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReviewQueries>();
        builder.Services.AddScoped<SubmitReview>();
        builder.Services.AddScoped<AuditVerdict>();
    }

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };

    private static async Task<Results<Ok<ScorecardDto>, ValidationProblem>> PutScorecardAsync(ScorecardBody body, OknoDbContext db, AuditTrail audit, TimeProvider clock, HttpContext ctx)
    {
        var card = await db.Scorecards.FirstOrDefaultAsync(s => s.Id == Scorecard.SingletonId, ctx.RequestAborted);
        var isNew = card is null;
        card ??= Scorecard.Default();
        try { card.Change(body.Criteria ?? [], body.SamplePerOperator ?? card.SamplePerOperator, clock.GetUtcNow()); }
        catch (DomainException ex) { return TypedResults.ValidationProblem(Error("criteria", ex.Message)); }
        if (isNew) db.Scorecards.Add(card);
        await db.SaveChangesAsync(ctx.RequestAborted);
        await audit.RecordAsync(AuditActions.ScorecardChanged, AuditObjects.Policy, "scorecard", $"criteria={card.Criteria.Count}; sample={card.SamplePerOperator}", ctx.RequestAborted);
        return TypedResults.Ok(ScorecardDto.From(card));
    }

    private static async Task<Results<Ok<ItemsOf<ReviewDto>>, ProblemHttpResult>> ListAsync(long? operatorId, HttpContext ctx, ReviewQueries q)
    {
        var me = CurrentUser.From(ctx.User);
        if (operatorId is { } o && !me.Role.SeesReviewsOf(me.Id, o))
            return TypedResults.Problem("Оценки сотрудника видят он сам и проверяющие.", statusCode: StatusCodes.Status403Forbidden);
        return TypedResults.Ok(new ItemsOf<ReviewDto>(await q.ReviewsAsync(null, me.Role.Reviews() ? operatorId : me.Id, ctx.RequestAborted)));
    }

    private static async Task<Results<Ok<ItemsOf<ReviewDto>>, NotFound>> ConversationReviewsAsync(long id, HttpContext ctx, OknoDbContext db, ReviewQueries q)
    {
        if (await ConversationsEndpoints.VisibleAsync(id, ctx, db) is null) return TypedResults.NotFound();
        var me = CurrentUser.From(ctx.User);
        var all = await q.ReviewsAsync(id, null, ctx.RequestAborted);
        return TypedResults.Ok(new ItemsOf<ReviewDto>(me.Role.Reviews() ? all : all.Where(r => r.OperatorId == me.Id).ToList()));
    }

    private static async Task<Results<Created<ReviewDto>, ValidationProblem, NotFound>> PostReviewAsync(long id, ReviewBody body, HttpContext ctx, SubmitReview submit, ReviewQueries q)
    {
        try
        {
            var review = await submit.ExecuteAsync(id, CurrentUser.From(ctx.User), body, ctx.RequestAborted);
            if (review is null) return TypedResults.NotFound();
            var dto = (await q.ReviewsAsync(id, null, ctx.RequestAborted)).First(r => r.Id == review.Id);
            return TypedResults.Created($"/api/v1/conversations/{id}/reviews", dto);
        }
        catch (DomainException ex) { return TypedResults.ValidationProblem(Error("scores", ex.Message)); }
    }

    private static async Task<Results<Ok<VerdictAuditDto>, ValidationProblem, NotFound>> PostAuditAsync(long id, VerdictAuditBody body, HttpContext ctx, AuditVerdict auditVerdict)
    {
        try
        {
            var record = await auditVerdict.ExecuteAsync(id, CurrentUser.From(ctx.User), body, ctx.RequestAborted);
            return record is null ? TypedResults.NotFound() : TypedResults.Ok(VerdictAuditDto.From(record));
        }
        catch (DomainException ex) { return TypedResults.ValidationProblem(Error("decision", ex.Message)); }
    }

    private static async Task<Ok<ReviewQueueDto>> QueueAsync(DateTimeOffset? week, HttpContext ctx, ReviewQueries q, TimeProvider clock) =>
        TypedResults.Ok(await q.QueueAsync(week ?? clock.GetUtcNow(), ctx.RequestAborted));

    private static async Task<Results<Ok<ItemsOf<VerdictStatsDto>>, ValidationProblem>> VerdictsAsync(DateTimeOffset? from, DateTimeOffset? to, HttpContext ctx, ReviewQueries q)
    {
        if (from > to) return TypedResults.ValidationProblem(Error("from", "Начало периода позже его конца."));
        return TypedResults.Ok(new ItemsOf<VerdictStatsDto>(await q.VerdictStatsAsync(from, to, ctx.RequestAborted)));
    }
}
