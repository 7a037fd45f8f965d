using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Desk;

namespace Okno.Web.Desk;

/// <summary>Creates, changes and deletes teams — for the API and the admin screen alike (one validation).</summary>
public sealed class SaveTeam(OknoDbContext db, TimeProvider clock, DeskSignal signal)
{
    public async Task<DeskChange<TeamDto>> CreateAsync(JsonObject? body, CancellationToken ct)
    {
        var team = new Team("", clock.GetUtcNow());
        var input = new JsonInput(body);
        await ApplyAsync(input, team, create: true);
        if (!input.Ok) return DeskChange.Invalid<TeamDto>(input);
        if (!await db.Teams.AnyAsync(t => t.IsDefault, ct)) team.IsDefault = true; // the first team catches requests no team serves
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return DeskChange.Done(TeamDto.From(team));
    }

    public async Task<DeskChange<TeamDto>> UpdateAsync(long id, JsonObject? body, CancellationToken ct)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return DeskChange.Missing<TeamDto>();
        var input = new JsonInput(body);
        await ApplyAsync(input, team, create: false);
        if (!input.Ok) return DeskChange.Invalid<TeamDto>(input);
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return DeskChange.Done(TeamDto.From(team));
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return false;
        await db.Conversations.Where(c => c.TeamId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.TeamId, (long?)null), ct);
        db.Teams.Remove(team);
        await db.SaveChangesAsync(ct);
        if (team.IsDefault && await db.Teams.OrderBy(t => t.Id).FirstOrDefaultAsync(ct) is { } next)
        {
            next.IsDefault = true;
            await db.SaveChangesAsync(ct);
        }
        signal.Poke();
        return true;
    }

    private async Task ApplyAsync(JsonInput input, Team team, bool create)
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
