using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Desk;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Desk;

public sealed record TeamDto(long Id, string Name, IReadOnlyList<long> MemberIds, IReadOnlyList<Guid> ChannelIds, IReadOnlyList<string> PracticeAreas,
    string Strategy, int Capacity, int StickyDays, string? AutoTransferAfter, long? BusinessHoursId, bool IsDefault, DateTimeOffset CreatedAt)
{
    public static TeamDto From(Team t) => new(t.Id, t.Name, t.MemberIds, t.ChannelIds, t.PracticeAreas, DeskNames.Wire(t.Strategy), t.Capacity, t.StickyDays,
        IsoDuration.Format(t.AutoTransferAfterSeconds), t.BusinessHoursId, t.IsDefault, t.CreatedAt);
}

/// <summary>/api/v1/teams: everyone signed in reads them; admins and supervisors change them.</summary>
public static class TeamsEndpoints
{
    public static void MapTeams(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/teams").WithTags("Teams");
        group.MapGet("/", async (OknoDbContext db) => TypedResults.Ok(new ItemsOf<TeamDto>((await db.Teams.AsNoTracking().OrderBy(t => t.Id).ToListAsync()).Select(TeamDto.From).ToList())));
        group.MapGet("/{id:long}", async Task<Results<Ok<TeamDto>, NotFound>> (long id, OknoDbContext db) =>
            await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id) is { } t ? TypedResults.Ok(TeamDto.From(t)) : TypedResults.NotFound());
        group.MapPost("/", async (JsonObject? body, SaveTeam save, CancellationToken ct) =>
            (await save.CreateAsync(body, ct)).Created(t => $"/api/v1/teams/{t.Id}")).RequireAuthorization(AuthSetup.ManagerPolicy);
        group.MapPatch("/{id:long}", async (long id, JsonObject? body, SaveTeam save, CancellationToken ct) =>
            (await save.UpdateAsync(id, body, ct)).Updated()).RequireAuthorization(AuthSetup.ManagerPolicy);
        group.MapDelete("/{id:long}", async Task<Results<NoContent, NotFound>> (long id, SaveTeam save, CancellationToken ct) =>
            await save.DeleteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).RequireAuthorization(AuthSetup.ManagerPolicy);
    }
}
