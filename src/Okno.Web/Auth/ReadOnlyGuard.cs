using Okno.Core.Operators;

namespace Okno.Web.Auth;

/// <summary>
/// Read-only roles (quality control) change nothing: every request that is not GET, HEAD or OPTIONS is refused with
/// 403 (by <see cref="AccessGuard"/>), before any endpoint runs — so a write endpoint added later is covered without
/// anyone remembering to. Left open: the user's own session (/api/v1/auth/*: sign-in, sign-out, own password,
/// two-factor), the web app's account forms (/account/*), and the SignalR transports the screens and live events
/// need (/_blazor, /hubs).
/// </summary>
public static class ReadOnlyGuard
{
    public const string Refusal = "Роль «контроль качества» только читает: изменения недоступны. / The quality-control role is read-only.";

    private static readonly string[] Open = ["/api/v1/auth", "/account", "/_blazor", "/hubs"];

    public static bool IsWrite(string method) => !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    public static bool Refuses(HttpContext ctx) =>
        IsWrite(ctx.Request.Method) && CurrentUser.From(ctx.User).Role.IsReadOnly() && !Open.Any(p => ctx.Request.Path.StartsWithSegments(p)) &&
        !(ctx.GetEndpoint()?.Metadata.GetMetadata<ReviewWrite>() is not null && CurrentUser.From(ctx.User).Role.Reviews());

    /// <summary>
    /// Marks the review endpoints (a scorecard, a verdict's audit): quality control's only writes. They also require
    /// <see cref="AuthSetup.ReviewerPolicy"/>, so no other role gains anything from the mark.
    /// </summary>
    public sealed class ReviewWrite;

    public static TBuilder ReviewersOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AuthSetup.ReviewerPolicy).WithMetadata(new ReviewWrite());
}
