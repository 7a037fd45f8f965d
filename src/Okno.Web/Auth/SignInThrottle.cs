using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Okno.Web.Auth;

/// <summary>
/// Sign-in attempts per client IP (a fixed window per minute): without it anyone could lock any account by
/// guessing, or guess many accounts' passwords. The per-account lock-out stays as the second line.
/// </summary>
public sealed class SignInThrottle(int perMinute) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "signin";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        var ctx = context.HttpContext;
        ctx.Response.Headers.RetryAfter = "60";
        if (ctx.Request.Path.StartsWithSegments("/account"))
        {
            ctx.Response.Redirect("/login?error=" + SignInError.Locked.Code());
            return;
        }
        await TypedResults.Problem(SignInError.Locked.Russian(), statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts").ExecuteAsync(ctx);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        // No remote address only in-process (tests): no IP to partition by, so no limit.
        httpContext.Connection.RemoteIpAddress is { } ip
            ? RateLimitPartition.GetFixedWindowLimiter("signin:" + ip, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("signin:none");
}
