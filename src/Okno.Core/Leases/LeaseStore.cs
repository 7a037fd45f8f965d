using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Data;

namespace Okno.Core.Leases;

/// <summary>
/// Takes, renews and gives back leases with one conditional statement each, so it holds on PostgreSQL with several
/// nodes as on SQLite with one: UPDATE … WHERE the lease is ours or has expired; if there is no row yet, INSERT —
/// and a unique violation there means another node inserted it first.
/// </summary>
public sealed class LeaseStore(IServiceScopeFactory scopes, NodeIdentity node, LeaseOptions options, TimeProvider clock)
{
    public string NodeId => node.Id;

    /// <summary>Takes the lease or extends ours; false when another node holds it and it has not expired.</summary>
    public async Task<bool> TryAcquireAsync(string name, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var now = clock.GetUtcNow();
        var until = now + options.Duration;
        var holder = node.Id;
        var taken = await db.Leases.Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (taken == 1) return true;
        if (await db.Leases.AnyAsync(l => l.Name == name, ct)) return false;
        db.Leases.Add(new Lease { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return false; // another node inserted it between our UPDATE and INSERT
        }
    }

    /// <summary>Gives the lease back (on a clean stop): another node takes it at once instead of after it expires.</summary>
    public async Task ReleaseAsync(string name, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var holder = node.Id;
        await db.Leases.Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(ct);
    }

    /// <summary>Who holds the lease now (null: nobody, or it expired).</summary>
    public async Task<string?> HolderAsync(string name, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var now = clock.GetUtcNow();
        return await db.Leases.AsNoTracking().Where(l => l.Name == name && l.ExpiresAt >= now).Select(l => l.Holder).FirstOrDefaultAsync(ct);
    }
}
