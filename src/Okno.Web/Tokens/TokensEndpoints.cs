using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Audit;
using Okno.Core.Data;
using Okno.Core.Operators;
using Okno.Web.Audit;
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

    public static void MapTokens(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/tokens").WithTags("Tokens").RequireAuthorization();
        group.MapPost("/", CreateAsync);
        // Everyone lists and revokes their own tokens; the administrator everyone's.
        group.MapGet("/", async (HttpContext ctx, OknoDbContext db, TimeProvider clock) =>
        {
            var me = CurrentUser.From(ctx.User);
            var now = clock.GetUtcNow();
            var rows = await db.ApiTokens.AsNoTracking().Where(t => me.Role == UserRole.Admin || t.UserId == me.Id).OrderBy(t => t.Id).ToListAsync(ctx.RequestAborted);
            return TypedResults.Ok(rows.Select(t => Dto(t, now)).ToList());
        });
        group.MapDelete("/{id:long}", RevokeAsync);
    }

    private static TokenDto Dto(ApiToken t, DateTimeOffset now) =>
        new(t.Id, t.UserId, t.Name, t.Prefix, t.ScopeList, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.RevokedAt is null && (t.ExpiresAt is null || t.ExpiresAt > now));

    private static async Task<Results<Created<CreatedToken>, ValidationProblem>> CreateAsync(CreateToken? body, HttpContext ctx, OknoDbContext db, TimeProvider clock, AuditTrail audit)
    {
        var me = CurrentUser.From(ctx.User);
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var name = body?.Name?.Trim();
        if (name is not { Length: > 0 and <= MaxNameLength }) errors["name"] = [$"Название токена: от 1 до {MaxNameLength} символов."];
        var scopes = body?.Scopes?.Select(s => s?.Trim().ToLowerInvariant() ?? "").Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (scopes.Count == 0) errors["scopes"] = ["Укажите права токена: " + string.Join(", ", TokenScopes.All) + "."];
        else if (scopes.FirstOrDefault(s => !TokenScopes.All.Contains(s)) is { } unknown) errors["scopes"] = [$"Неизвестное право «{unknown}»: " + string.Join(", ", TokenScopes.All) + "."];
        else if (scopes.Contains(TokenScopes.Admin) && me.Role is not (UserRole.Admin or UserRole.Supervisor))
            errors["scopes"] = ["Право admin — только для администратора и руководителя."];
        else if (CurrentUser.ScopesOf(ctx.User) is { } mine && scopes.FirstOrDefault(s => !TokenScopes.Grants(mine, s)) is { } wider)
            errors["scopes"] = [$"Токен не может выдать право «{wider}», которого у него самого нет."];
        var expiresAt = body?.ExpiresAt ?? now + DefaultLifetime;
        if (expiresAt <= now) errors["expiresAt"] = ["Срок действия должен быть в будущем."];
        else if (expiresAt > now + MaxLifetime) errors["expiresAt"] = ["Срок действия — не больше трёх лет."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var secret = ApiToken.NewToken();
        var token = new ApiToken(me.Id, name!, secret, now, scopes, expiresAt);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ctx.RequestAborted);
        await audit.RecordAsync(AuditActions.TokenCreated, AuditObjects.User, AuditChain.Id(me.Id), $"token={token.Id} scopes={token.Scopes}", ctx.RequestAborted);
        return TypedResults.Created($"/api/v1/tokens/{token.Id}",
            new CreatedToken(token.Id, token.UserId, token.Name, token.Prefix, token.ScopeList, token.CreatedAt, token.ExpiresAt, secret));
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(long id, HttpContext ctx, OknoDbContext db, TimeProvider clock, AuditTrail audit)
    {
        var me = CurrentUser.From(ctx.User);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && (me.Role == UserRole.Admin || t.UserId == me.Id), ctx.RequestAborted);
        if (token is null) return TypedResults.NotFound();
        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ctx.RequestAborted);
        await audit.RecordAsync(AuditActions.TokenRevoked, AuditObjects.User, AuditChain.Id(token.UserId), $"token={token.Id}", ctx.RequestAborted);
        return TypedResults.NoContent();
    }
}
