using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Web.Auth;

namespace Okno.Web.Tokens;

/// <summary>
/// API tokens for integrators: each acts as the user who made it, narrowed to its scopes (enforced by AccessGuard),
/// until it expires or is revoked. The token itself is shown once; only its SHA-256 is kept.
/// </summary>
public static class TokensEndpoints
{
    public sealed record CreateToken(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt);
    public sealed record TokenDto(long Id, long UserId, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt,
        DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool Active);
    public sealed record CreatedToken(long Id, long UserId, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt,
        DateTimeOffset? ExpiresAt, string Token);

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(3 * 365);
    public const int MaxNameLength = 100;

    public static void AddTokens(this WebApplicationBuilder builder) => builder.Services.AddScoped<ApiTokens>();

    public static void MapTokens(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/tokens").WithTags("Tokens").RequireAuthorization();
        group.MapPost("/", async Task<Results<Created<CreatedToken>, ValidationProblem>> (CreateToken? body, HttpContext ctx, ApiTokens tokens) =>
            (await tokens.CreateAsync(CurrentUser.From(ctx.User), CurrentUser.ScopesOf(ctx.User), body, ctx.RequestAborted)).Created(t => $"/api/v1/tokens/{t.Id}"));
        // Everyone lists and revokes their own tokens; the administrator everyone's.
        group.MapGet("/", async (HttpContext ctx, ApiTokens tokens) => TypedResults.Ok(await tokens.ListAsync(CurrentUser.From(ctx.User), ctx.RequestAborted)));
        group.MapDelete("/{id:long}", async Task<Results<NoContent, NotFound>> (long id, HttpContext ctx, ApiTokens tokens) =>
            await tokens.RevokeAsync(CurrentUser.From(ctx.User), id, ctx.RequestAborted) ? TypedResults.NoContent() : TypedResults.NotFound());
    }
}
