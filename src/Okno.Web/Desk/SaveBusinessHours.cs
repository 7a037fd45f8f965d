using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Desk;

namespace Okno.Web.Desk;

/// <summary>Creates, replaces and deletes working schedules — for the API and the admin screen alike.</summary>
public sealed class SaveBusinessHours(OknoDbContext db, TimeProvider clock, DeskSignal signal)
{
    public async Task<DeskChange<BusinessHoursDto>> CreateAsync(JsonObject? body, CancellationToken ct)
    {
        var hours = new BusinessHours("", clock.GetUtcNow());
        var input = new JsonInput(body);
        BusinessHoursEndpoints.Apply(input, body, hours);
        if (!input.Ok) return DeskChange.Invalid<BusinessHoursDto>(input);
        db.BusinessHours.Add(hours);
        await db.SaveChangesAsync(ct);
        return DeskChange.Done(BusinessHoursDto.From(hours));
    }

    public async Task<DeskChange<BusinessHoursDto>> ReplaceAsync(long id, JsonObject? body, CancellationToken ct)
    {
        var hours = await db.BusinessHours.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hours is null) return DeskChange.Missing<BusinessHoursDto>();
        var input = new JsonInput(body);
        BusinessHoursEndpoints.Apply(input, body, hours);
        if (!input.Ok) return DeskChange.Invalid<BusinessHoursDto>(input);
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return DeskChange.Done(BusinessHoursDto.From(hours));
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        var hours = await db.BusinessHours.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hours is null) return false;
        await db.Teams.Where(t => t.BusinessHoursId == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.BusinessHoursId, (long?)null), ct);
        db.BusinessHours.Remove(hours);
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return true;
    }
}
