using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;

namespace Okno.Web.Auth;

public static class AuthEndpoints
{
    public sealed record SignInRequest(string? Email, string? Password);
    public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);
    public sealed record Me(long Id, string Email, string Name, string Role);

    public static void MapAuth(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/login", SignInAsync);
        group.MapPost("/logout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        });
        group.MapGet("/me", async Task<Results<Ok<Me>, NotFound>> (HttpContext ctx, OknoDbContext db) =>
        {
            var id = CurrentUser.From(ctx.User).Id;
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
            return user is null ? TypedResults.NotFound() : TypedResults.Ok(new Me(user.Id, user.Email, user.Name, user.Role.ToString().ToLowerInvariant()));
        }).RequireAuthorization();
        group.MapPost("/password", ChangePasswordAsync).RequireAuthorization();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SignInAsync(SignInRequest request, HttpContext ctx, OknoDbContext db, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            return TypedResults.Problem("Введите e-mail и пароль.", statusCode: 400);
        var email = request.Email.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email);
        var now = clock.GetUtcNow();
        if (user is not null && user.IsLockedOut(now))
            return TypedResults.Problem("Слишком много неверных попыток. Вход временно заблокирован, попробуйте позже.", statusCode: 429);
        if (user is null || !user.IsActive || !Passwords.Verify(user, request.Password))
        {
            if (user is not null) { user.RecordFailedSignIn(now); await db.SaveChangesAsync(); }
            return TypedResults.Problem("Неверный e-mail или пароль.", statusCode: 401);
        }
        user.RecordSignIn();
        await db.SaveChangesAsync();
        await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CurrentUser.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(PasswordChange request, HttpContext ctx, OknoDbContext db)
    {
        var id = CurrentUser.From(ctx.User).Id;
        var user = await db.Users.FirstAsync(u => u.Id == id);
        if (string.IsNullOrEmpty(request.CurrentPassword) || !Passwords.Verify(user, request.CurrentPassword))
            return TypedResults.Problem("Текущий пароль неверен.", statusCode: 400);
        if (request.NewPassword is not { Length: >= Passwords.MinLength })
            return TypedResults.Problem($"Новый пароль — не короче {Passwords.MinLength} символов.", statusCode: 400);
        user.SetPasswordHash(Passwords.Hash(user, request.NewPassword));
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }
}
