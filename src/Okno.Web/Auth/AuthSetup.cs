using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Operators;

namespace Okno.Web.Auth;

public static class AuthSetup
{
    public const string Smart = "Okno";
    public const string AdminPolicy = "admin";
    public const string ManagerPolicy = "manager";

    /// <summary>Cookies for the web app, bearer tokens for the API; one policy scheme picks per request.</summary>
    public static void AddOknoAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = ctx =>
                ApiTokenHandler.TokenOf(ctx.Request) is not null ? ApiTokenHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = "okno.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/forbidden";
                o.ExpireTimeSpan = TimeSpan.FromDays(7);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = async ctx =>
                {
                    // A deactivated user loses access at once, not when the cookie expires.
                    var id = ctx.Principal is { } p ? CurrentUser.From(p).Id : 0;
                    var db = ctx.HttpContext.RequestServices.GetRequiredService<OknoDbContext>();
                    if (!await db.Users.AnyAsync(u => u.Id == id && u.IsActive)) ctx.RejectPrincipal();
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(null)
            .AddPolicy(AdminPolicy, p => p.RequireRole(nameof(UserRole.Admin)))
            .AddPolicy(ManagerPolicy, p => p.RequireRole(nameof(UserRole.Admin), nameof(UserRole.Supervisor)));
    }

    public static void UseOknoAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
