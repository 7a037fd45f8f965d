using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Quality;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Quality;

/// <summary>
/// The firm's script and policy (issue 13.6): admins set it; every staff reply is checked; violations are recorded on
/// the conversation and counted per operator. Staff may check a text before sending.
/// </summary>
public static class QualityEndpoints
{
    public const int MaxCheckedText = 10_000;

    public static void MapQuality(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/quality").WithTags("Quality").RequireAuthorization();
        group.MapGet("/policy", async (QualityRules rules, HttpContext ctx) => TypedResults.Ok(QualityPolicyDto.From(await rules.PolicyAsync(ctx.RequestAborted))));
        group.MapPut("/policy", PutPolicyAsync).RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapPost("/check", CheckAsync);
        group.MapGet("/violations", ByOperatorAsync).RequireAuthorization(AuthSetup.ManagerPolicy);
        app.MapGet("/api/v1/conversations/{id:long}/quality", ConversationAsync).WithTags("Quality").RequireAuthorization();
    }

    public static void AddQuality(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SaveQualityPolicy>();
        builder.Services.AddScoped<QualityQueries>();
    }

    private static async Task<Results<Ok<QualityPolicyDto>, ValidationProblem>> PutPolicyAsync(QualityPolicyBody body, SaveQualityPolicy save, HttpContext ctx)
    {
        var (saved, errors) = await save.ExecuteAsync(body, CurrentUser.From(ctx.User).Id, ctx.RequestAborted);
        return saved is not null ? TypedResults.Ok(saved) : TypedResults.ValidationProblem(errors!);
    }

    private static async Task<Results<Ok<QualityCheckDto>, ValidationProblem, NotFound>> CheckAsync(QualityCheckBody body, HttpContext ctx, OknoDbContext db, QualityRules rules)
    {
        if (body.ConversationId is not { } id) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["conversationId"] = ["Укажите обращение."] });
        if (body.Text is { Length: > MaxCheckedText }) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [$"Не длиннее {MaxCheckedText} символов."] });
        var conversation = await ConversationsEndpoints.VisibleAsync(id, ctx, db);
        if (conversation is null) return TypedResults.NotFound();
        var policy = await rules.PolicyAsync(ctx.RequestAborted);
        var found = await rules.FindAsync(policy, conversation, body.Text, ctx.RequestAborted);
        return TypedResults.Ok(new QualityCheckDto(found.Select(f => new FindingDto(f.Rule, f.Phrase, PolicyCheck.Describe(f))).ToList(),
            QualityRules.Blocking(policy, found).Any()));
    }

    private static async Task<Results<Ok<ConversationQualityDto>, NotFound>> ConversationAsync(long id, HttpContext ctx, OknoDbContext db)
    {
        if (await ConversationsEndpoints.VisibleAsync(id, ctx, db) is null) return TypedResults.NotFound();
        var rows = await db.QualityViolations.AsNoTracking().Where(v => v.ConversationId == id).OrderBy(v => v.Id).ToListAsync(ctx.RequestAborted);
        return TypedResults.Ok(new ConversationQualityDto(rows.Select(ViolationDto.From).ToList()));
    }

    private static async Task<Results<Ok<ItemsOf<OperatorViolationsDto>>, ValidationProblem>> ByOperatorAsync(DateTimeOffset? from, DateTimeOffset? to, HttpContext ctx, QualityQueries q)
    {
        if (from > to) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Начало периода позже его конца."] });
        return TypedResults.Ok(new ItemsOf<OperatorViolationsDto>(await q.ByOperatorAsync(from, to, ctx.RequestAborted)));
    }
}
