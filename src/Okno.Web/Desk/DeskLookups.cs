using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;

namespace Okno.Web.Desk;

/// <summary>What the desk's admin screens pick from: active people, live channels, schedules, teams.</summary>
public sealed class DeskLookups(OknoDbContext db)
{
    public sealed record Item<TId>(TId Id, string Name);

    public async Task<(List<Item<long>> Users, List<Item<Guid>> Channels, List<Item<long>> Hours)> AllAsync()
    {
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Name).Select(u => new Item<long>(u.Id, u.Name)).ToListAsync();
        var channels = await db.ChannelAccounts.AsNoTracking().Where(c => !c.IsDeleted).OrderBy(c => c.Name).Select(c => new Item<Guid>(c.Id, c.Name)).ToListAsync();
        var hours = await db.BusinessHours.AsNoTracking().OrderBy(h => h.Name).Select(h => new Item<long>(h.Id, h.Name)).ToListAsync();
        return (users, channels, hours);
    }

    public async Task<List<TeamDto>> TeamsAsync() =>
        (await db.Teams.AsNoTracking().OrderBy(t => t.Id).ToListAsync()).Select(TeamDto.From).ToList();

    public async Task<List<BusinessHoursDto>> HoursAsync() =>
        (await db.BusinessHours.AsNoTracking().OrderBy(h => h.Id).ToListAsync()).Select(BusinessHoursDto.From).ToList();

    public async Task<List<SlaPolicyDto>> PoliciesAsync() =>
        (await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Id).ToListAsync()).Select(SlaPolicyDto.From).ToList();
}
