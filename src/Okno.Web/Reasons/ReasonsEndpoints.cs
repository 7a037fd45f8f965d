using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Reasons;

/// <summary>/api/v1/not-target-reasons: staff read the active ones; admins keep the list.</summary>
public static class ReasonsEndpoints
{
    public static void MapReasons(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/not-target-reasons").WithTags("Not-target reasons").RequireAuthorization();
        group.MapGet("/", async (ReasonQueries q, HttpContext ctx, bool? all) =>
            TypedResults.Ok(new ItemsOf<ReasonDto>(await q.ListAsync(all != true, ctx.RequestAborted))));
        group.MapPost("/", async (ReasonBody body, SaveReason save, HttpContext ctx) =>
            await save.ExecuteAsync(null, body, ctx.RequestAborted) is { } r ? TypedResults.Created($"/api/v1/not-target-reasons/{r.Id}", r)
                : throw new InvalidOperationException("A new reason is always saved or refused.")).RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapPatch("/{id:long}", async Task<Results<Ok<ReasonDto>, NotFound>> (long id, ReasonBody body, SaveReason save, HttpContext ctx) =>
            await save.ExecuteAsync(id, body, ctx.RequestAborted) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound()).RequireAuthorization(AuthSetup.AdminPolicy);
    }

    public static void AddReasons(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReasonQueries>();
        builder.Services.AddScoped<SaveReason>();
    }
}
