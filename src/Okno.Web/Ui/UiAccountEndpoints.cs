using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Web.Hosting;
using Okno.Web.Auth;
using Okno.Web.TwoFactor;

namespace Okno.Web.Ui;

/// <summary>Plain form posts for the web app: signing in needs a real HTTP response to set the cookie.</summary>
public static class UiAccountEndpoints
{
    public static void MapUiAccount(this WebApplication app)
    {
        app.MapPost("/account/login", async (HttpContext ctx, OknoDbContext db, TimeProvider clock, SignInMeter meter, PendingSignIn pending) =>
        {
            var form = await ctx.Request.ReadFormAsync();
            var (error, user, mustEnrol) = await AuthEndpoints.TrySignInAsync(form["email"], form["password"], null, ctx, db, clock, meter);
            var returnUrl = form["returnUrl"].ToString();
            if (error == SignInError.CodeRequired && user is not null)
            {
                // The password was right: the second page asks for the code; the password itself is not kept.
                pending.Issue(ctx, user.Id, user.SecurityStamp);
                return Results.Redirect("/login?step=code&returnUrl=" + Uri.EscapeDataString(IsLocal(returnUrl) ? returnUrl : "/"));
            }
            if (error is { } e) // a fixed code: the page shows its own text for it, never words from the link
                return Results.Redirect("/login?error=" + e.Code() + "&email=" + Uri.EscapeDataString(form["email"].ToString()));
            return Results.LocalRedirect(mustEnrol ? "/account" : IsLocal(returnUrl) ? returnUrl : "/");
        }).ExcludeFromDescription().WithMetadata(new RequireAntiforgeryTokenAttribute())
            .RequireRateLimiting(SignInThrottle.PolicyName).WithMetadata(new BodyLimit(BodyLimit.Anonymous));
        app.MapPost("/account/login/code", async (HttpContext ctx, OknoDbContext db, TimeProvider clock, PendingSignIn pending) =>
        {
            var form = await ctx.Request.ReadFormAsync();
            var returnUrl = form["returnUrl"].ToString();
            var again = "/login?step=code&error=" + SignInError.CodeInvalid.Code() + "&returnUrl=" + Uri.EscapeDataString(IsLocal(returnUrl) ? returnUrl : "/");
            if (pending.Read(ctx) is not { } who) return Results.Redirect("/login");
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == who.UserId && u.IsActive && u.SecurityStamp == who.Stamp);
            if (user is null || !user.TwoFactorEnabled) { PendingSignIn.Clear(ctx); return Results.Redirect("/login"); }
            if (form["code"].ToString() is not { Length: > 0 } code) return Results.Redirect(again);
            if (await AuthEndpoints.SecondFactorAsync(user, code, ctx, db, clock) is not null) return Results.Redirect(again);
            PendingSignIn.Clear(ctx);
            await AuthEndpoints.CompleteSignInAsync(user, ctx, db);
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/");
        }).ExcludeFromDescription().WithMetadata(new RequireAntiforgeryTokenAttribute())
            .RequireRateLimiting(SignInThrottle.PolicyName).WithMetadata(new BodyLimit(BodyLimit.Anonymous));
        app.MapPost("/account/logout-everywhere", async (HttpContext ctx, OknoDbContext db) =>
        {
            if (ctx.User.Identity?.IsAuthenticated == true)
            {
                var id = CurrentUser.From(ctx.User).Id;
                var user = await db.Users.FirstAsync(u => u.Id == id);
                user.RotateSecurityStamp();
                await db.SaveChangesAsync();
            }
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).ExcludeFromDescription().WithMetadata(new RequireAntiforgeryTokenAttribute());
        app.MapPost("/account/logout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).ExcludeFromDescription().WithMetadata(new RequireAntiforgeryTokenAttribute());
        app.MapGet("/account/lang/{lang}", (string lang, HttpContext ctx, string? back) =>
        {
            ctx.Response.Cookies.Append("okno.lang", lang == "en" ? "en" : "ru", new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(IsLocal(back) ? back! : "/");
        }).ExcludeFromDescription();
    }

    private static bool IsLocal(string? url) => url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
