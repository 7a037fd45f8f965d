using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Okno.Web.Widget;

/// <summary>The site widget: /widget.js (static, wwwroot) and its anonymous API, rate-limited per visitor and per IP.</summary>
public static class WidgetSetup
{
    public static void AddWidget(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WidgetTokens>();
        builder.Services.AddSingleton<WidgetIngest>();
        builder.Services.AddSingleton<WidgetGuard>();
        var perVisitor = builder.Configuration.GetValue("Okno:Widget:PerVisitorPerMinute", 60);
        var perIp = builder.Configuration.GetValue("Okno:Widget:PerIpPerMinute", 300);
        builder.Services.AddRateLimiter(o =>
        {
            var widget = PartitionedRateLimiter.CreateChained(
                // No remote address only in-process (tests): there the per-visitor limit alone applies.
                PartitionedRateLimiter.Create<HttpContext, string>(ctx => ctx.Connection.RemoteIpAddress is { } ip ? Partition(ctx, "ip:" + ip, perIp) : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(ctx => VisitorKey(ctx) is { } key ? Partition(ctx, key, perVisitor) : RateLimitPartition.GetNoLimiter("")));
            // Compose with any global limiter configured elsewhere rather than replacing it.
            o.GlobalLimiter = o.GlobalLimiter is null ? widget : PartitionedRateLimiter.CreateChained(o.GlobalLimiter, widget);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected ??= async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Results.Problem("Слишком много сообщений: подождите минуту.", statusCode: 429, title: "Too many requests").ExecuteAsync(context.HttpContext);
            };
        });
    }

    public static void MapWidget(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapWidgetEndpoints();
    }

    private static bool IsWidget(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api/widget") && !HttpMethods.IsOptions(ctx.Request.Method);

    private static RateLimitPartition<string> Partition(HttpContext ctx, string key, int perMinute) => !IsWidget(ctx)
        ? RateLimitPartition.GetNoLimiter("")
        : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });

    /// <summary>The visitor's token, hashed (tokens are long and secret); null for requests without one.</summary>
    private static string? VisitorKey(HttpContext ctx)
    {
        var token = ctx.Request.Headers[WidgetCors.VisitorHeader].ToString();
        if (token.Length == 0) token = ctx.Request.Query["token"].ToString();
        return token.Length == 0 ? null : "v:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
