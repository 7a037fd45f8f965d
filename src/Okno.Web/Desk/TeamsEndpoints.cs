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
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthSetup.ManagerPolicy);
        group.MapPatch("/{id:long}", UpdateAsync).RequireAuthorization(AuthSetup.ManagerPolicy);
        group.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization(AuthSetup.ManagerPolicy);
    }

    private static async Task<Results<Created<TeamDto>, ValidationProblem>> CreateAsync(JsonObject? body, OknoDbContext db, TimeProvider clock, DeskSignal signal)
    {
        var team = new Team("", clock.GetUtcNow());
        var input = new JsonInput(body);
        await ApplyAsync(input, team, db, create: true);
        if (!input.Ok) return TypedResults.ValidationProblem(input.Errors);
        if (!await db.Teams.AnyAsync(t => t.IsDefault)) team.IsDefault = true; // the first team catches requests no team serves
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        signal.Poke();
        return TypedResults.Created($"/api/v1/teams/{team.Id}", TeamDto.From(team));
    }

    private static async Task<Results<Ok<TeamDto>, NotFound, ValidationProblem>> UpdateAsync(long id, JsonObject? body, OknoDbContext db, DeskSignal signal)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id);
        if (team is null) return TypedResults.NotFound();
        var input = new JsonInput(body);
        await ApplyAsync(input, team, db, create: false);
        if (!input.Ok) return TypedResults.ValidationProblem(input.Errors);
        await db.SaveChangesAsync();
        signal.Poke();
        return TypedResults.Ok(TeamDto.From(team));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, OknoDbContext db, DeskSignal signal)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id);
        if (team is null) return TypedResults.NotFound();
        await db.Conversations.Where(c => c.TeamId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.TeamId, (long?)null));
        db.Teams.Remove(team);
        await db.SaveChangesAsync();
        if (team.IsDefault && await db.Teams.OrderBy(t => t.Id).FirstOrDefaultAsync() is { } next)
        {
            next.IsDefault = true;
            await db.SaveChangesAsync();
        }
        signal.Poke();
        return TypedResults.NoContent();
    }

    private static async Task ApplyAsync(JsonInput input, Team team, OknoDbContext db, bool create)
    {
        if (input.String("name", Team.MaxNameLength, required: create || input.Has("name")) is { } name) team.Name = name;
        if (input.Ids("memberIds") is { } members)
        {
            var known = await db.Users.Where(u => members.Contains(u.Id)).Select(u => u.Id).ToListAsync();
            if (members.Except(known).ToList() is { Count: > 0 } unknown) input.Error("memberIds", "Нет таких сотрудников: " + string.Join(", ", unknown) + ".");
            else team.MemberIds = members;
        }
        if (input.Guids("channelIds") is { } channels)
        {
            var known = await db.ChannelAccounts.Where(c => channels.Contains(c.Id) && !c.IsDeleted).Select(c => c.Id).ToListAsync();
            var others = await db.Teams.Where(t => t.Id != team.Id).ToListAsync();
            if (channels.Except(known).ToList() is { Count: > 0 } unknown) input.Error("channelIds", "Нет таких каналов: " + string.Join(", ", unknown) + ".");
            else if (others.FirstOrDefault(t => t.ChannelIds.Intersect(channels).Any()) is { } taken)
                input.Error("channelIds", $"Канал уже обслуживает отдел «{taken.Name}»: у канала один отдел.");
            else team.ChannelIds = channels;
        }
        if (input.Strings("practiceAreas", 50) is { } areas) team.PracticeAreas = areas;
        if (input.Has("strategy"))
        {
            if (DeskNames.TryParse<TeamStrategy>(input.String("strategy", 32), out var strategy)) team.Strategy = strategy;
            else input.Error("strategy", "Одно из: " + DeskNames.List<TeamStrategy>() + ".");
        }
        if (input.Int("capacity", 1, 100) is { } capacity) team.Capacity = capacity;
        if (input.Int("stickyDays", 0, 365) is { } sticky) team.StickyDays = sticky;
        if (input.Has("autoTransferAfter")) team.AutoTransferAfterSeconds = input.Duration("autoTransferAfter");
        if (input.Has("businessHoursId"))
        {
            var hours = input.Long("businessHoursId");
            if (hours is { } h && !await db.BusinessHours.AnyAsync(b => b.Id == h)) input.Error("businessHoursId", $"Нет графика работы с id {h}.");
            else team.BusinessHoursId = hours;
        }
        if (input.Bool("isDefault") is { } isDefault && input.Ok)
        {
            if (isDefault) await db.Teams.Where(t => t.Id != team.Id && t.IsDefault).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsDefault, false));
            team.IsDefault = isDefault;
        }
    }
}
