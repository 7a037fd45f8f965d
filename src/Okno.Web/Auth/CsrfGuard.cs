using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Okno.Web.Auth;

/// <summary>
/// SameSite=Lax lets any same-site page (a sibling subdomain, a served attachment) post to the API with the
/// session cookie. An unsafe /api request authenticated by the cookie must therefore carry
/// <c>X-Okno-Request: 1</c> — a custom header no form or plain link can send, and which forces a CORS preflight
/// from other origins — or, for an HTML form, a valid antiforgery token. Bearer-token requests carry no ambient
/// credential and are exempt; the widget uses its own visitor token without cookies.
/// </summary>
public static class CsrfGuard
{
    /// <summary>Fixed: integrators' browser code relies on this name.</summary>
    public const string HeaderName = "X-Okno-Request";

    public static void UseCsrfGuard(this WebApplication app) => app.Use(async (ctx, next) =>
    {
        if (NeedsProof(ctx) && !await HasProofAsync(ctx))
        {
            await TypedResults.Problem(
                $"Запрос отклонён: нужен заголовок {HeaderName}: 1 (защита от подделки запросов).",
                statusCode: StatusCodes.Status403Forbidden, title: "CSRF check failed").ExecuteAsync(ctx);
            return;
        }
        await next(ctx);
    });

    private static bool NeedsProof(HttpContext ctx) =>
        ctx.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)
             || HttpMethods.IsOptions(ctx.Request.Method) || HttpMethods.IsTrace(ctx.Request.Method))
        && ctx.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme };

    private static async Task<bool> HasProofAsync(HttpContext ctx)
    {
        if (ctx.Request.Headers[HeaderName].ToString() == "1") return true;
        if (!ctx.Request.HasFormContentType) return false;
        return await ctx.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(ctx);
    }
}
