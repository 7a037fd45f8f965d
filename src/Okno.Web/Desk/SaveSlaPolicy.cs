using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Desk;

namespace Okno.Web.Desk;

/// <summary>Creates, changes and deletes SLA policies — for the API and the admin screen alike.</summary>
public sealed class SaveSlaPolicy(OknoDbContext db, TimeProvider clock, DeskSignal signal)
{
    public async Task<DeskChange<SlaPolicyDto>> CreateAsync(JsonObject? body, CancellationToken ct)
    {
        var policy = new SlaPolicy("", clock.GetUtcNow());
        var input = new JsonInput(body);
        await SlaPoliciesEndpoints.ApplyAsync(input, policy, db, create: true);
        if (!input.Ok) return DeskChange.Invalid<SlaPolicyDto>(input);
        db.SlaPolicies.Add(policy);
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return DeskChange.Done(SlaPolicyDto.From(policy));
    }

    public async Task<DeskChange<SlaPolicyDto>> UpdateAsync(long id, JsonObject? body, CancellationToken ct)
    {
        var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null) return DeskChange.Missing<SlaPolicyDto>();
        var input = new JsonInput(body);
        await SlaPoliciesEndpoints.ApplyAsync(input, policy, db, create: false);
        if (!input.Ok) return DeskChange.Invalid<SlaPolicyDto>(input);
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return DeskChange.Done(SlaPolicyDto.From(policy));
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null) return false;
        db.SlaPolicies.Remove(policy);
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return true;
    }
}
