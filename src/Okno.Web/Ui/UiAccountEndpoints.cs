using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Web.Hosting;
using Okno.Web.Auth;

namespace Okno.Web.Ui;

/// <summary>Plain form posts for the web app: signing in needs a real HTTP response to set the cookie.</summary>
public static class UiAccountEndpoints
{
    public static void MapUiAccount(this WebApplication app)
    {
        app.MapPost("/account/login", async (HttpContext ctx, OknoDbContext db, TimeProvider clock, SignInMeter meter) =>
        {
            var form = await ctx.Request.ReadFormAsync();
            var error = await AuthEndpoints.TrySignInAsync(form["email"], form["password"], ctx, db, clock, meter);
            var returnUrl = form["returnUrl"].ToString();
            if (error is { } e) // a fixed code: the page shows its own text for it, never words from the link
                return Results.Redirect("/login?error=" + e.Code() + "&email=" + Uri.EscapeDataString(form["email"].ToString()));
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
