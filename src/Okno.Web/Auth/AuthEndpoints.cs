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
        var (status, error) = await TrySignInAsync(request.Email, request.Password, ctx, db, clock);
        return error is null ? TypedResults.NoContent() : TypedResults.Problem(error, statusCode: status);
    }

    /// <summary>Checks the password (with lock-out) and issues the cookie. Returns an HTTP status and a Russian error, or no error.</summary>
    public static async Task<(int Status, string? Error)> TrySignInAsync(string? emailInput, string? password, HttpContext ctx, OknoDbContext db, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(emailInput) || string.IsNullOrEmpty(password)) return (400, "Введите e-mail и пароль.");
        var email = emailInput.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email);
        var now = clock.GetUtcNow();
        if (user is not null && user.IsLockedOut(now))
            return (429, "Слишком много неверных попыток. Вход временно заблокирован, попробуйте позже.");
        if (user is null || !user.IsActive || !Passwords.Verify(user, password))
        {
            if (user is not null) { user.RecordFailedSignIn(now); await db.SaveChangesAsync(); }
            return (401, "Неверный e-mail или пароль.");
        }
        user.RecordSignIn();
        await db.SaveChangesAsync();
        await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CurrentUser.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
        return (204, null);
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
