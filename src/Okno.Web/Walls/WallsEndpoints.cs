using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Core;
using Okno.Core.Audit;
using Okno.Web.Auth;

namespace Okno.Web.Walls;

/// <summary>
/// Ethical walls (administrators): PUT/GET/DELETE /api/v1/contacts/{id}/restriction and /api/v1/conversations/{id}/restriction,
/// GET /api/v1/restrictions. Behind a wall only the named users see the client, whatever their role (docs/decisions/0025).
/// </summary>
public static class WallsEndpoints
{
    public sealed record RestrictionBody(IReadOnlyList<long>? UserIds);

    public static void AddWalls(this WebApplicationBuilder builder) => builder.Services.AddScoped<SetWall>();

    public static void MapWalls(this WebApplication app)
    {
        app.MapGet("/api/v1/restrictions", async (SetWall walls, CancellationToken ct) => TypedResults.Ok(await walls.ListAsync(ct)))
            .WithTags("Restrictions").RequireAuthorization(AuthSetup.AdminPolicy);
        foreach (var (prefix, objectType) in new[] { ("/api/v1/contacts", AuditObjects.Contact), ("/api/v1/conversations", AuditObjects.Conversation) })
        {
            var group = app.MapGroup(prefix + "/{id:long}/restriction").WithTags("Restrictions").RequireAuthorization(AuthSetup.AdminPolicy);
            group.MapGet("/", async Task<Results<Ok<SetWall.WallDto>, NotFound>> (long id, SetWall walls, CancellationToken ct) =>
                await walls.GetAsync(objectType, id, ct) is { } w ? TypedResults.Ok(w) : TypedResults.NotFound());
            group.MapPut("/", async Task<Results<Ok<SetWall.WallDto>, NotFound, ValidationProblem>> (long id, RestrictionBody? body, SetWall walls, CancellationToken ct) =>
            {
                try
                {
                    return await walls.PutAsync(objectType, id, body?.UserIds, ct) is { } w ? TypedResults.Ok(w) : TypedResults.NotFound();
                }
                catch (DomainException ex) { return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["userIds"] = [ex.Message] }); }
            });
            group.MapDelete("/", async Task<Results<NoContent, NotFound>> (long id, SetWall walls, CancellationToken ct) =>
                await walls.LiftAsync(objectType, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
        }
    }
}
