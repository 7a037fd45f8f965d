using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Rules;

/// <summary>/api/v1/rules: administrators only (the permissions matrix's Administer).</summary>
public static class RulesEndpoints
{
    public static void MapRules(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/rules").WithTags("Rules").RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapGet("/", async (RuleAdmin admin, HttpContext ctx) => TypedResults.Ok(new ItemsOf<RuleDto>(await admin.ListAsync(ctx.RequestAborted))));
        group.MapPost("/", async Task<Results<Created<RuleDto>, ValidationProblem>> (JsonObject? body, RuleAdmin admin, HttpContext ctx) =>
            Created(await admin.CreateAsync(body, ctx.RequestAborted)));
        group.MapGet("/presets", () => TypedResults.Ok(new ItemsOf<RulePresetDto>(RulePresets.All)));
        group.MapPost("/presets/{key}", async Task<Results<Created<RuleDto>, ValidationProblem, NotFound>> (string key, RuleAdmin admin, HttpContext ctx) =>
            RulePresets.Body(key) is not { } body ? TypedResults.NotFound() : await admin.CreateAsync(body, ctx.RequestAborted) switch
            {
                { Value: { } r } => TypedResults.Created($"/api/v1/rules/{r.Id}", r),
                var o => TypedResults.ValidationProblem(o.Errors),
            });
        group.MapPost("/test", async Task<Results<Ok<RuleTestResult>, ValidationProblem>> (JsonObject? body, RuleAdmin admin, HttpContext ctx) =>
            await admin.TestAsync(body, ctx.RequestAborted) switch
            {
                { Value: { } r } => TypedResults.Ok(r),
                var o => TypedResults.ValidationProblem(o.Errors),
            });
        group.MapGet("/{id:long}", async Task<Results<Ok<RuleDto>, NotFound>> (long id, RuleAdmin admin, HttpContext ctx) =>
            await admin.FindAsync(id, ctx.RequestAborted) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound());
        group.MapPatch("/{id:long}", async Task<Results<Ok<RuleDto>, NotFound, ValidationProblem>> (long id, JsonObject? body, RuleAdmin admin, HttpContext ctx) =>
            await admin.UpdateAsync(id, body, ctx.RequestAborted) switch
            {
                { NotFound: true } => TypedResults.NotFound(),
                { Value: { } r } => TypedResults.Ok(r),
                var o => TypedResults.ValidationProblem(o.Errors),
            });
        group.MapDelete("/{id:long}", async Task<Results<NoContent, NotFound>> (long id, RuleAdmin admin, HttpContext ctx) =>
            await admin.DeleteAsync(id, ctx.RequestAborted) ? TypedResults.NoContent() : TypedResults.NotFound());
        group.MapGet("/{id:long}/log", async Task<Results<Ok<ItemsOf<RuleFiringDto>>, NotFound>> (long id, int? limit, RuleAdmin admin, HttpContext ctx) =>
            await admin.LogAsync(id, limit ?? 100, ctx.RequestAborted) is { } rows ? TypedResults.Ok(new ItemsOf<RuleFiringDto>(rows)) : TypedResults.NotFound());
    }

    private static Results<Created<RuleDto>, ValidationProblem> Created(RuleAdmin.Outcome<RuleDto> o) =>
        o.Value is { } r ? TypedResults.Created($"/api/v1/rules/{r.Id}", r) : TypedResults.ValidationProblem(o.Errors);
}
