using Okno.Channels.WebChat;
using Okno.Core.Channels;

namespace Okno.Web.Widget;

/// <summary>
/// The widget is called from the firm's site, so its endpoints answer cross-origin requests — but only from the
/// origins listed in the channel's allowedOrigins: Access-Control-Allow-Origin reflects an allowed Origin and
/// nothing else; another site's Origin gets 403. Requests without an Origin (not from a browser page) pass.
/// </summary>
public static class WidgetCors
{
    public const string VisitorHeader = "X-Okno-Visitor";

    /// <summary>Endpoint filter for the /api/widget/{channelId} group: resolves the channel, checks the Origin.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var ctx = context.HttpContext;
        var (channel, problem) = await ResolveAsync(ctx);
        if (problem is not null) return problem;
        channel!.Attach(ctx);
        return await next(context);
    }

    /// <summary>Answers a CORS preflight for any widget endpoint.</summary>
    public static async Task<IResult> PreflightAsync(HttpContext ctx)
    {
        var (_, problem) = await ResolveAsync(ctx);
        if (problem is not null) return problem;
        ctx.Response.Headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
        ctx.Response.Headers.AccessControlAllowHeaders = "Content-Type, " + VisitorHeader;
        ctx.Response.Headers.AccessControlMaxAge = "600";
        return Results.NoContent();
    }

    /// <summary>Okno's own pages (the admin's widget preview) may use the widget too.</summary>
    private static bool IsOwnOrigin(HttpContext ctx, string origin)
    {
        var own = WebChatSettings.NormalizeOrigin($"{ctx.Request.Scheme}://{ctx.Request.Host}");
        var configured = ctx.RequestServices.GetRequiredService<Hosting.OknoOptions>().PublicUrl is { } url
            ? WebChatSettings.NormalizeOrigin(new Uri(url).GetLeftPart(UriPartial.Authority)) : null;
        var normalized = WebChatSettings.NormalizeOrigin(origin);
        return normalized is not null && (normalized == own || normalized == configured);
    }

    private static async Task<(WidgetChannel?, IResult?)> ResolveAsync(HttpContext ctx)
    {
        var directory = ctx.RequestServices.GetRequiredService<ChannelDirectory>();
        if (!Guid.TryParse(ctx.Request.RouteValues["channelId"]?.ToString(), out var id) ||
            await directory.FindAsync(id, ctx.RequestAborted) is not { } entry || entry.Ref.Kind != ChannelKind.WebChat)
            return (null, Results.Problem("Чат не найден: проверьте data-channel в коде виджета.", statusCode: 404, title: "Unknown channel"));

        var channel = new WidgetChannel(entry, WebChatSettings.From(entry.Context.Settings));
        ctx.Response.Headers.Vary = "Origin";
        var origin = ctx.Request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            if (!channel.Settings.IsOriginAllowed(origin) && !IsOwnOrigin(ctx, origin))
                return (null, Results.Problem("Этот сайт не указан в настройках чата (allowedOrigins).", statusCode: 403, title: "Origin not allowed"));
            ctx.Response.Headers.AccessControlAllowOrigin = origin;
        }
        return (channel, null);
    }
}
