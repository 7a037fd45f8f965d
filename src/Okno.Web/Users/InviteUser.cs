using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Operators;
using Okno.Web.Auth;

namespace Okno.Web.Users;

/// <summary>An administrator adds a colleague with a role (and, optionally, a first password).</summary>
public sealed class InviteUser(OknoDbContext db, TimeProvider clock, Audit.AuditTrail audit)
{
    public async Task<UserChange> ExecuteAsync(UsersEndpoints.CreateUser body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Email is null || !body.Email.Contains('@', StringComparison.Ordinal) || body.Email.Length > 320) errors["email"] = ["Нужен e-mail."];
        if (string.IsNullOrWhiteSpace(body.Name)) errors["name"] = ["Нужно имя."];
        else if (body.Name.Trim().Length > User.MaxNameLength) errors["name"] = [$"Имя длиннее {User.MaxNameLength} символов."];
        if (!UserRoles.TryParse(body.Role, out var role)) errors["role"] = [UserRoles.WireNames];
        if (body.Password is { Length: < Passwords.MinLength }) errors["password"] = [$"Пароль — не короче {Passwords.MinLength} символов."];
        if (!UsersEndpoints.TryParseScope(body.Scope, out var narrowed)) errors["scope"] = ["all или own-and-queue."];
        if (errors.Count > 0) return new UserChange(null, errors);
        var email = body.Email!.Trim().ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.Email == email, ct)) return UserChange.Refused("Пользователь с таким e-mail уже есть.");
        var user = new User(email, body.Name!, role, clock.GetUtcNow());
        user.Update(null, null, body.Team, null);
        user.SetScope(narrowed);
        if (body.Password is { } password) user.SetPasswordHash(Passwords.Hash(user, password));
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(Okno.Core.Audit.AuditActions.UserCreated, Okno.Core.Audit.AuditObjects.User, Okno.Core.Audit.AuditChain.Id(user.Id), "role=" + role.ToWireName(), ct);
        return UserChange.Done(user);
    }
}
