using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Scripts;

public static class ScriptsEndpoints
{
    public static void MapScripts(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/scripts").WithTags("Scripts").RequireAuthorization();
        group.MapGet("/", async (ScriptQueries q, HttpContext ctx) => TypedResults.Ok(new ItemsOf<ScriptDto>(await q.ListAsync(ctx.RequestAborted))));
        group.MapPost("/", async Task<Created<ScriptDto>> (ScriptBody body, SaveScript save, HttpContext ctx) =>
            await save.ExecuteAsync(null, body, ctx.RequestAborted) is var s && s is not null ? TypedResults.Created($"/api/v1/scripts/{s.Id}", s)
                : throw new InvalidOperationException("A new script is always saved or refused.")).RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapPut("/{id:long}", async Task<Results<Ok<ScriptDto>, NotFound>> (long id, ScriptBody body, SaveScript save, HttpContext ctx) =>
            await save.ExecuteAsync(id, body, ctx.RequestAborted) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound()).RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapDelete("/{id:long}", async Task<Results<NoContent, NotFound>> (long id, DeleteScript delete, HttpContext ctx) =>
            await delete.ExecuteAsync(id, ctx.RequestAborted) ? TypedResults.NoContent() : TypedResults.NotFound()).RequireAuthorization(AuthSetup.AdminPolicy);
    }

    public static void AddScripts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ScriptQueries>();
        builder.Services.AddScoped<SaveScript>();
        builder.Services.AddScoped<DeleteScript>();
    }
}
