namespace Okno.Web.Auth;

/// <summary>
/// The one place, after authentication and before any endpoint, where a signed-in request is refused for what
/// its session may not do at all: a session that must first enrol in two-factor sign-in, a read-only role's
/// write (<see cref="ReadOnlyGuard"/>). Which conversations a user sees stays with ConversationAccess.
/// </summary>
public static class AccessGuard
{
    public const string EnrolRefusal = "Администратор требует двухфакторный вход для вашей роли: включите его в профиле (POST /api/v1/auth/2fa/enroll). / Two-factor sign-in is required for your role.";

    /// <summary>
    /// An enrol-only session reaches no data through the API, the hub or a file link; its own sign-in and
    /// two-factor set-up stay open. The web app's pages send it to the profile (MainLayout).
    /// </summary>
    private static readonly string[] EnrolOpen = ["/api/v1/auth"];

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
            if (ReadOnlyGuard.Refuses(ctx))
            {
                await Results.Problem(ReadOnlyGuard.Refusal, statusCode: StatusCodes.Status403Forbidden, title: "Только чтение").ExecuteAsync(ctx);
                return;
            }
        }
        await next(ctx);
    });
}
