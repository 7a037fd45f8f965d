using Okno.Core.Operators;

namespace Okno.Web.Auth;

/// <summary>
/// The one place, after authentication and before any endpoint, where a signed-in request is refused for what
/// its session may not do at all: a session that must first enrol in two-factor sign-in, an API token without the
/// scope the request needs, a read-only role's write (<see cref="ReadOnlyGuard"/>). Which conversations a user sees stays with ConversationAccess.
/// </summary>
public static class AccessGuard
{
    public const string EnrolRefusal = "Администратор требует двухфакторный вход для вашей роли: включите его в профиле (POST /api/v1/auth/2fa/enroll). / Two-factor sign-in is required for your role.";

    /// <summary>
    /// An enrol-only session reaches no data through the API, the hub or a file link; its own sign-in and
    /// two-factor set-up stay open. The web app's pages send it to the profile (MainLayout).
    /// </summary>
    private static readonly string[] EnrolOpen = ["/api/v1/auth"];

    /// <summary>
    /// An API token's scopes narrow what its user's role may: the live-event hub needs "webhooks", the
    /// administrator's and supervisor's endpoints "admin", any other change "write", any other read "read".
    /// </summary>
    private static string? TokenScopeMissing(HttpContext ctx, IReadOnlyCollection<string> scopes)
    {
        if (ctx.Request.Path.StartsWithSegments("/hubs")) return TokenScopes.Grants(scopes, TokenScopes.Webhooks) ? null : TokenScopes.Webhooks;
        var managerOnly = ctx.GetEndpoint()?.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
            .Any(a => a.Policy is AuthSetup.AdminPolicy or AuthSetup.ManagerPolicy) == true;
        var needed = managerOnly ? TokenScopes.Admin : ReadOnlyGuard.IsWrite(ctx.Request.Method) ? TokenScopes.Write : TokenScopes.Read;
        return TokenScopes.Grants(scopes, needed) ? null : needed;
    }

    private static bool Guarded(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/files") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/scalar");

    public static void UseAccessGuard(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.Identity?.IsAuthenticated == true)
        {
            if (CurrentUser.MustEnrol(ctx.User) && Guarded(ctx.Request.Path) && !EnrolOpen.Any(p => ctx.Request.Path.StartsWithSegments(p)))
            {
                await Results.Problem(EnrolRefusal, statusCode: StatusCodes.Status403Forbidden, title: "Нужен двухфакторный вход").ExecuteAsync(ctx);
                return;
            }
            if (CurrentUser.ScopesOf(ctx.User) is { } scopes && TokenScopeMissing(ctx, scopes) is { } missing)
            {
                await Results.Problem($"У API-токена нет права «{missing}» для этого запроса. / The API token lacks the '{missing}' scope.",
                    statusCode: StatusCodes.Status403Forbidden, title: "Недостаточно прав токена").ExecuteAsync(ctx);
                return;
            }
            if (ReadOnlyGuard.Refuses(ctx))
            {
                await Results.Problem(ReadOnlyGuard.Refusal, statusCode: StatusCodes.Status403Forbidden, title: "Только чтение").ExecuteAsync(ctx);
                return;
            }
        }
        await next(ctx);
    });
}
