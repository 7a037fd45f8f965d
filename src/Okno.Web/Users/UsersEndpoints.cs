using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Operators;
using Okno.Web.Auth;

namespace Okno.Web.Users;

public static class UsersEndpoints
{
    public sealed record UserDto(long Id, string Email, string Name, string Role, string? Team, bool IsActive, DateTimeOffset CreatedAt);
    public sealed record CreateUser(string? Email, string? Name, string? Role, string? Password, string? Team);
    public sealed record UpdateUser(string? Name, string? Role, string? Team, bool? IsActive, string? Password);

    public static void MapUsers(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization();
        // Everyone may list colleagues (to hand a request off); only admins change them.
        group.MapGet("/", async (OknoDbContext db) =>
            TypedResults.Ok((await db.Users.AsNoTracking().OrderBy(u => u.Name).ToListAsync()).Select(Dto).ToList()));
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapPatch("/{id:long}", UpdateAsync).RequireAuthorization(AuthSetup.AdminPolicy);
        // Ends every browser session of the user (a lost laptop, a leaving colleague); API tokens stay as they are.
        group.MapPost("/{id:long}/sign-out-everywhere", async Task<Results<NoContent, NotFound>> (long id, OknoDbContext db) =>
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id);
            if (user is null) return TypedResults.NotFound();
            user.RotateSecurityStamp();
            await db.SaveChangesAsync();
            return TypedResults.NoContent();
        }).RequireAuthorization(AuthSetup.AdminPolicy);
    }

    public static UserDto Dto(User u) => new(u.Id, u.Email, u.Name, u.Role.ToWireName(), u.Team, u.IsActive, u.CreatedAt);

    private static async Task<Results<Created<UserDto>, ValidationProblem, Conflict<string>>> CreateAsync(CreateUser body, OknoDbContext db, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Email is null || !body.Email.Contains('@', StringComparison.Ordinal) || body.Email.Length > 320) errors["email"] = ["Нужен e-mail."];
        if (string.IsNullOrWhiteSpace(body.Name)) errors["name"] = ["Нужно имя."];
        else if (body.Name.Trim().Length > User.MaxNameLength) errors["name"] = [$"Имя длиннее {User.MaxNameLength} символов."];
        if (!UserRoles.TryParse(body.Role, out var role)) errors["role"] = ["admin, supervisor, operator или lawyer."];
        if (body.Password is { Length: < Passwords.MinLength }) errors["password"] = [$"Пароль — не короче {Passwords.MinLength} символов."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var email = body.Email!.Trim().ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.Email == email)) return TypedResults.Conflict("Пользователь с таким e-mail уже есть.");
        var user = new User(email, body.Name!, role, clock.GetUtcNow());
        user.Update(null, null, body.Team, null);
        if (body.Password is { } password) user.SetPasswordHash(Passwords.Hash(user, password));
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/v1/users/{user.Id}", Dto(user));
    }

    private static async Task<Results<Ok<UserDto>, NotFound, ValidationProblem>> UpdateAsync(long id, UpdateUser body, OknoDbContext db)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id);
        if (user is null) return TypedResults.NotFound();
        if (body.Name?.Trim() is { Length: > User.MaxNameLength })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"Имя длиннее {User.MaxNameLength} символов."] });
        UserRole? role = null;
        if (body.Role is not null)
        {
            if (!UserRoles.TryParse(body.Role, out var r)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["admin, supervisor, operator или lawyer."] });
            role = r;
        }
        if (body.Password is { } password)
        {
            if (password.Length < Passwords.MinLength) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = [$"Пароль — не короче {Passwords.MinLength} символов."] });
            user.SetPasswordHash(Passwords.Hash(user, password));
        }
        user.Update(body.Name, role, body.Team, body.IsActive);
        await db.SaveChangesAsync();
        return TypedResults.Ok(Dto(user));
    }
}
