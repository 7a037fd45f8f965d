using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Operators;

namespace Okno.Web.Auth;

/// <summary>
/// The per-role settings every request needs (which roles see e-mails masked), read from RolePolicies and kept for
/// <see cref="Fresh"/>: the node that saves a change drops its copy at once, other nodes follow within that time.
/// </summary>
public sealed class RoleSettings(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);
    private sealed record Snapshot(IReadOnlySet<UserRole> MaskEmails, DateTimeOffset ReadAt);
    private volatile Snapshot? _snapshot;

    public async Task<bool> MasksEmailsAsync(UserRole role, CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is null || clock.GetUtcNow() - snapshot.ReadAt > Fresh)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            var roles = await db.RolePolicies.AsNoTracking().Where(p => p.MaskEmails).Select(p => p.Role).ToListAsync(ct);
            _snapshot = snapshot = new Snapshot(roles.ToHashSet(), clock.GetUtcNow());
        }
        return snapshot.MaskEmails.Contains(role);
    }

    public void Changed() => _snapshot = null;
}
