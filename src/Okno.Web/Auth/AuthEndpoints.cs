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
    public sealed record SignInRequest(string? Email, string? Password, string? Code = null);
    /// <summary>The password was right; send it again with "code" (a TOTP code or a recovery code).</summary>
    public sealed record TwoFactorAnswer(bool TwoFactorRequired = true);
    /// <summary>Signed in, but only to enrol: the administrator requires two-factor sign-in of the role.</summary>
    public sealed record EnrolmentAnswer(bool TwoFactorEnrollmentRequired = true);
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

    private static async Task<Results<NoContent, Ok<TwoFactorAnswer>, Ok<EnrolmentAnswer>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext ctx, OknoDbContext db, TimeProvider clock, SignInMeter meter)
    {
        var (error, _, mustEnrol) = await TrySignInAsync(request.Email, request.Password, request.Code, ctx, db, clock, meter);
        if (error == SignInError.CodeRequired) return TypedResults.Ok(new TwoFactorAnswer());
        if (error is { } e) return TypedResults.Problem(e.Russian(), statusCode: e.Status());
        return mustEnrol ? TypedResults.Ok(new EnrolmentAnswer()) : TypedResults.NoContent();
    }

    /// <summary>
    /// Checks the password against the lock-out budget, then — when the account has two-factor sign-in — the code,
    /// and issues the cookie. A wrong password, an unknown e-mail, a deactivated or a locked account get one answer,
    /// in about the same time: none tells which e-mails exist. Only a right password learns that a code is needed.
    /// </summary>
    public static async Task<(SignInError? Error, User? User, bool MustEnrol)> TrySignInAsync(
        string? emailInput, string? password, string? code, HttpContext ctx, OknoDbContext db, TimeProvider clock, SignInMeter meter)
    {
        if (string.IsNullOrWhiteSpace(emailInput) || string.IsNullOrEmpty(password) || emailInput.Length > 320 || password.Length > 1000)
            return (SignInError.Missing, null, false);
        var email = emailInput.Trim().ToLowerInvariant();
        var user = await SignInAttempts.CheckAsync(db, email, password, clock.GetUtcNow(), meter, ctx.RequestAborted);
        var audit = ctx.RequestServices.GetRequiredService<AuditTrail>();
        if (user is null)
        {
            // Who was tried (when the e-mail is someone's), never the e-mail or password typed.
            var target = await db.Users.Where(u => u.Email == email).Select(u => (long?)u.Id).FirstOrDefaultAsync(ctx.RequestAborted);
            await audit.RecordAsAsync(null, AuditActions.SignInFailed, AuditObjects.User, target is { } t ? AuditChain.Id(t) : null, ctx.RequestAborted);
            return (SignInError.Invalid, null, false);
        }
        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(code)) return (SignInError.CodeRequired, user, false);
            if (await SecondFactorAsync(user, code, ctx, db, clock) is { } wrong) return (wrong, user, false);
        }
        return (null, user, await CompleteSignInAsync(user, ctx, db));
    }

    /// <summary>A TOTP code or a recovery code, against the account's lock-out budget; failures and recovery-code use are audited.</summary>
    public static async Task<SignInError?> SecondFactorAsync(User user, string code, HttpContext ctx, OknoDbContext db, TimeProvider clock)
    {
        var audit = ctx.RequestServices.GetRequiredService<AuditTrail>();
        var codes = ctx.RequestServices.GetRequiredService<TwoFactor.TwoFactorCodes>();
        var ct = ctx.RequestAborted;
        var recovery = false;
        var ok = code.Length <= 64 && await SignInAttempts.CheckCodeAsync(db, user, clock.GetUtcNow(),
            async () => await codes.VerifyTotpAsync(user, code, ct) || (recovery = await codes.UseRecoveryCodeAsync(user, code, ct)), ct);
        if (!ok)
        {
            await audit.RecordAsAsync(user.Id, AuditActions.SignInFailed, AuditObjects.User, AuditChain.Id(user.Id), "second-factor", ct);
            return SignInError.CodeInvalid;
        }
        if (recovery) await audit.RecordAsAsync(user.Id, AuditActions.RecoveryCodeUsed, AuditObjects.User, AuditChain.Id(user.Id), ct);
        return null;
    }

    /// <summary>Audits the sign-in and issues the cookie; returns whether the session is only good for enrolling in two-factor sign-in.</summary>
    public static async Task<bool> CompleteSignInAsync(User user, HttpContext ctx, OknoDbContext db)
    {
        var audit = ctx.RequestServices.GetRequiredService<AuditTrail>();
        await audit.RecordAsAsync(user.Id, AuditActions.SignIn, AuditObjects.User, AuditChain.Id(user.Id), ctx.RequestAborted);
        if (user.SecurityStamp.Length == 0)
        {
            user.RotateSecurityStamp(); // an account from before security stamps
            await db.SaveChangesAsync();
        }
        var mustEnrol = !user.TwoFactorEnabled && await ctx.RequestServices.GetRequiredService<TwoFactor.TwoFactorCodes>().RequiredForAsync(user.Role, ctx.RequestAborted);
        await SignInCookieAsync(ctx, user, mustEnrol);
        return mustEnrol;
    }

    public static Task SignInCookieAsync(HttpContext ctx, User user, bool mustEnrol = false) =>
        ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CurrentUser.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme, mustEnrol));

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
        if (ctx.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme) await SignInCookieAsync(ctx, user, CurrentUser.MustEnrol(ctx.User));
        return TypedResults.NoContent();
    }
}
