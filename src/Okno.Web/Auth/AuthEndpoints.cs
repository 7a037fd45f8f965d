using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Operators;
using Okno.Core.Audit;
using Okno.Web.Audit;
using Okno.Web.Hosting;

namespace Okno.Web.Auth;

public static class AuthEndpoints
{
    public sealed record SignInRequest(string? Email, string? Password);
    public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);
    public sealed record Me(long Id, string Email, string Name, string Role);

    public static void MapAuth(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/login", SignInAsync).RequireRateLimiting(SignInThrottle.PolicyName).WithMetadata(new BodyLimit(BodyLimit.Anonymous));
        group.MapPost("/logout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        });
        group.MapPost("/sign-out-everywhere", async (HttpContext ctx, OknoDbContext db) =>
        {
            var id = CurrentUser.From(ctx.User).Id;
            var user = await db.Users.FirstAsync(u => u.Id == id);
            user.RotateSecurityStamp();
            await db.SaveChangesAsync();
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        }).RequireAuthorization();
        group.MapGet("/me", async Task<Results<Ok<Me>, NotFound>> (HttpContext ctx, OknoDbContext db) =>
        {
            var id = CurrentUser.From(ctx.User).Id;
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
            return user is null ? TypedResults.NotFound() : TypedResults.Ok(new Me(user.Id, user.Email, user.Name, user.Role.ToString().ToLowerInvariant()));
        }).RequireAuthorization();
        group.MapPost("/password", ChangePasswordAsync).RequireAuthorization();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SignInAsync(SignInRequest request, HttpContext ctx, OknoDbContext db, TimeProvider clock, SignInMeter meter)
    {
        var error = await TrySignInAsync(request.Email, request.Password, ctx, db, clock, meter);
        return error is not { } e ? TypedResults.NoContent() : TypedResults.Problem(e.Russian(), statusCode: e.Status());
    }

    /// <summary>
    /// Checks the password against the lock-out budget and issues the cookie. A wrong password, an unknown e-mail,
    /// a deactivated or a locked account get one answer, in about the same time: none tells which e-mails exist.
    /// </summary>
    public static async Task<SignInError?> TrySignInAsync(string? emailInput, string? password, HttpContext ctx, OknoDbContext db, TimeProvider clock, SignInMeter meter)
    {
        if (string.IsNullOrWhiteSpace(emailInput) || string.IsNullOrEmpty(password) || emailInput.Length > 320 || password.Length > 1000)
            return SignInError.Missing;
        var email = emailInput.Trim().ToLowerInvariant();
        var user = await SignInAttempts.CheckAsync(db, email, password, clock.GetUtcNow(), meter, ctx.RequestAborted);
        var audit = ctx.RequestServices.GetRequiredService<AuditTrail>();
        if (user is null)
        {
            // Who was tried (when the e-mail is someone's), never the e-mail or password typed.
            var target = await db.Users.Where(u => u.Email == email).Select(u => (long?)u.Id).FirstOrDefaultAsync(ctx.RequestAborted);
            await audit.RecordAsAsync(null, AuditActions.SignInFailed, AuditObjects.User, target is { } t ? AuditChain.Id(t) : null, ctx.RequestAborted);
            return SignInError.Invalid;
        }
        await audit.RecordAsAsync(user.Id, AuditActions.SignIn, AuditObjects.User, AuditChain.Id(user.Id), ctx.RequestAborted);
        if (user.SecurityStamp.Length == 0)
        {
            user.RotateSecurityStamp(); // an account from before security stamps
            await db.SaveChangesAsync();
        }
        await SignInCookieAsync(ctx, user);
        return null;
    }

    public static Task SignInCookieAsync(HttpContext ctx, User user) =>
        ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CurrentUser.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));

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
        // Every other session ends with the new stamp; this one gets a fresh cookie when it was cookie-based.
        if (ctx.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme) await SignInCookieAsync(ctx, user);
        return TypedResults.NoContent();
    }
}
