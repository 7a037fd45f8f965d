using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Operators;
using Okno.Web.Auth;

namespace Okno.Web.Users;

/// <summary>
/// An administrator changes a colleague: name, role, team, active, password. The firm never loses its last
/// active administrator: demoting or deactivating them is refused.
/// </summary>
public sealed class ChangeUser(OknoDbContext db, Audit.AuditTrail audit)
{
    public const string LastAdminRefusal = "Нельзя отключить или лишить прав последнего администратора: сначала назначьте другого.";

    public async Task<UserChange> ExecuteAsync(long id, UsersEndpoints.UpdateUser body, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return UserChange.NotFound;
        if (body.Name?.Trim() is { Length: > User.MaxNameLength }) return UserChange.Invalid("name", $"Имя длиннее {User.MaxNameLength} символов.");
        UserRole? role = null;
        if (body.Role is not null)
        {
            if (!UserRoles.TryParse(body.Role, out var r)) return UserChange.Invalid("role", UserRoles.WireNames);
            role = r;
        }
        if (!UsersEndpoints.TryParseScope(body.Scope, out var narrowed)) return UserChange.Invalid("scope", "all или own-and-queue.");
        if (body.Password is { Length: < Passwords.MinLength })
            return UserChange.Invalid("password", $"Пароль — не короче {Passwords.MinLength} символов.");
        var losesAdmin = user.Role == UserRole.Admin && user.IsActive && ((role is { } newRole && newRole != UserRole.Admin) || body.IsActive == false);
        if (losesAdmin && !await db.Users.AnyAsync(u => u.Id != id && u.Role == UserRole.Admin && u.IsActive, ct))
            return UserChange.Refused(LastAdminRefusal);
        if (body.Password is { } password) user.SetPasswordHash(Passwords.Hash(user, password));
        var oldRole = user.Role;
        user.Update(body.Name, role, body.Team, body.IsActive);
        if (body.Scope is not null) user.SetScope(narrowed);
        await db.SaveChangesAsync(ct);
        var id_ = Okno.Core.Audit.AuditChain.Id(user.Id);
        if (user.Role != oldRole)
            await audit.RecordAsync(Okno.Core.Audit.AuditActions.RoleChanged, Okno.Core.Audit.AuditObjects.User, id_, oldRole.ToWireName() + "→" + user.Role.ToWireName(), ct);
        var changed = new[] { body.Name is not null ? "name" : null, body.Team is not null ? "team" : null, body.IsActive is not null ? "isActive" : null,
            body.Password is not null ? "password" : null, body.Scope is not null ? "scope=" + body.Scope : null }.Where(x => x is not null);
        if (changed.Any())
            await audit.RecordAsync(Okno.Core.Audit.AuditActions.UserChanged, Okno.Core.Audit.AuditObjects.User, id_, string.Join(",", changed), ct);
        return UserChange.Done(user);
    }
}
