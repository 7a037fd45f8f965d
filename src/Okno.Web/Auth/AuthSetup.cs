using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Microsoft.AspNetCore.RateLimiting;
using Okno.Core.Operators;

namespace Okno.Web.Auth;

public static class AuthSetup
{
    public const string Smart = "Okno";
    public const string AdminPolicy = "admin";
    public const string ManagerPolicy = "manager";
    /// <summary>Supervisors, admins and quality control (<see cref="UserRoles.Reviews"/>).</summary>
    public const string ReviewerPolicy = "reviewer";
    /// <summary>Reports and their exports: the roles <see cref="UserRoles.ReadsReports"/> names.</summary>
    public const string ReportsPolicy = "reports";

    /// <summary>Cookies for the web app, bearer tokens for the API; one policy scheme picks per request.</summary>
    public static void AddOknoAuth(this WebApplicationBuilder builder)
    {
        var https = PublicUrlIsHttps(builder.Configuration);
        builder.Services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = ctx =>
                // Webhooks are verified by their connector: a platform's own "Authorization: Bearer" (Green-API)
                // must not cost a token lookup and an "Invalid API token" line per delivery.
                !ctx.Request.Path.StartsWithSegments("/webhooks") && ApiTokenHandler.TokenOf(ctx.Request) is not null
                    ? ApiTokenHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = "okno.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/forbidden";
                o.ExpireTimeSpan = TimeSpan.FromDays(7);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = async ctx =>
                {
                    // Checked on every request: a deactivated user, a changed role or password, or "sign out
                    // everywhere" ends the session at once, not when the cookie expires.
                    if (ctx.Principal is not { } p || CurrentUser.StampOf(p) is not { Length: > 0 } stamp) { ctx.RejectPrincipal(); return; }
                    var id = CurrentUser.From(p).Id;
                    var db = ctx.HttpContext.RequestServices.GetRequiredService<OknoDbContext>();
                    if (!await db.Users.AnyAsync(u => u.Id == id && u.IsActive && u.SecurityStamp == stamp)) ctx.RejectPrincipal();
                };
            });
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(null)
            // The policies are columns of the permission matrix: a role gets them by holding the capability there.
            .AddPolicy(AdminPolicy, p => p.RequireRole(Permissions.RolesWith(Capability.Administer)))
            .AddPolicy(ManagerPolicy, p => p.RequireRole(Permissions.RolesWith(Capability.Manage)))
            .AddPolicy(ReviewerPolicy, p => p.RequireRole(Permissions.RolesWith(Capability.Review)))
            .AddPolicy(ReportsPolicy, p => p.RequireRole(Permissions.RolesWith(Capability.ReadReports)));
        builder.Services.AddSingleton<RoleSettings>();
        builder.Services.AddTransient<IClaimsTransformation, RoleSettingsClaims>();
        builder.AddSignInThrottle();
    }

    private static void AddSignInThrottle(this WebApplicationBuilder builder)
    {
        var perMinute = Math.Max(1, builder.Configuration.GetValue("Okno:Auth:SignInsPerIpPerMinute", 20));
        builder.Services.AddRateLimiter(o => o.AddPolicy(SignInThrottle.PolicyName, new SignInThrottle(perMinute)));
        builder.Services.AddSingleton<SignInMeter>();
    }

    public static bool PublicUrlIsHttps(IConfiguration configuration) =>
        configuration["Okno:PublicUrl"] is { } url && url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public static void UseOknoAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAccessGuard();
        app.UseCsrfGuard();
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs") || ctx.Request.Path.StartsWithSegments("/openapi"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
