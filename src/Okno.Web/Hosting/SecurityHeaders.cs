namespace Okno.Web.Hosting;

/// <summary>
/// Response headers every answer carries: no MIME sniffing, no full URLs in Referer to other sites, and for the
/// app's own pages a Content-Security-Policy that lets only Okno's scripts run (Blazor Server needs nothing
/// inline: its script is a file and its circuit a same-origin WebSocket). With an https PublicUrl also HSTS.
/// A response that set its own policy (attachments: a sandbox) keeps it.
/// </summary>
public static class SecurityHeaders
{
    public const string AppPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string BlazorDefault = "frame-ancestors 'self'";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        var hsts = Auth.AuthSetup.PublicUrlIsHttps(app.Configuration);
        app.Use((ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                var h = ctx.Response.Headers;
                h.XContentTypeOptions = "nosniff";
                if (!h.ContainsKey("Referrer-Policy")) h["Referrer-Policy"] = "same-origin";
                // The API reference page (behind sign-in) runs Scalar's inline start-up script: no app policy there.
                // Blazor's own "frame-ancestors 'self'" is a subset of ours and gives way to it.
                if ((!h.ContainsKey("Content-Security-Policy") || h.ContentSecurityPolicy == BlazorDefault) && !ctx.Request.Path.StartsWithSegments("/scalar"))
                    h.ContentSecurityPolicy = AppPolicy;
                if (hsts) h.StrictTransportSecurity = "max-age=31536000";
                return Task.CompletedTask;
            });
            return next(ctx);
        });
    }
}
