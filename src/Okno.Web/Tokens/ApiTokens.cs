using Microsoft.EntityFrameworkCore;
using Okno.Core.Audit;
using Okno.Core.Data;
using Okno.Core.Operators;
using Okno.Web.Audit;
using Okno.Web.Auth;
using Okno.Web.Desk;
using static Okno.Web.Tokens.TokensEndpoints;

namespace Okno.Web.Tokens;

/// <summary>Issuing, listing and revoking API tokens — the API and the token screens (profile, /admin/tokens) share it.</summary>
public sealed class ApiTokens(OknoDbContext db, TimeProvider clock, AuditTrail audit)
{
    /// <summary>One's own tokens; the administrator's list holds everyone's. Never the token or its hash.</summary>
    public async Task<IReadOnlyList<TokenDto>> ListAsync(CurrentUser me, CancellationToken ct, bool onlyOwn = false)
    {
        var now = clock.GetUtcNow();
        var all = me.Role == UserRole.Admin && !onlyOwn;
        var rows = await db.ApiTokens.AsNoTracking().Where(t => all || t.UserId == me.Id).OrderBy(t => t.Id).ToListAsync(ct);
        return rows.Select(t => Dto(t, now)).ToList();
    }

    /// <param name="callerScopes">The scopes of the token the request came with (null for a signed-in session): a token cannot mint wider ones.</param>
    public async Task<DeskChange<CreatedToken>> CreateAsync(CurrentUser me, IReadOnlyCollection<string>? callerScopes, CreateToken? body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (me.Role.IsReadOnly()) return new DeskChange<CreatedToken>(null, new() { ["scopes"] = [Auth.ReadOnlyGuard.Refusal] });
        var name = body?.Name?.Trim();
        if (name is not { Length: > 0 and <= MaxNameLength }) errors["name"] = [$"Название токена: от 1 до {MaxNameLength} символов."];
        var scopes = body?.Scopes?.Select(s => s?.Trim().ToLowerInvariant() ?? "").Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (scopes.Count == 0) errors["scopes"] = ["Укажите права токена: " + string.Join(", ", TokenScopes.All) + "."];
        else if (scopes.FirstOrDefault(s => !TokenScopes.All.Contains(s)) is { } unknown) errors["scopes"] = [$"Неизвестное право «{unknown}»: " + string.Join(", ", TokenScopes.All) + "."];
        else if (scopes.Contains(TokenScopes.Admin) && !me.Role.Manages())
            errors["scopes"] = ["Право admin — только для администратора и руководителя."];
        else if (callerScopes is { } mine && scopes.FirstOrDefault(s => !TokenScopes.Grants(mine, s)) is { } wider)
            errors["scopes"] = [$"Токен не может выдать право «{wider}», которого у него самого нет."];
        var expiresAt = body?.ExpiresAt ?? now + DefaultLifetime;
        if (expiresAt <= now) errors["expiresAt"] = ["Срок действия должен быть в будущем."];
        else if (expiresAt > now + MaxLifetime) errors["expiresAt"] = ["Срок действия — не больше трёх лет."];
        if (errors.Count > 0) return new DeskChange<CreatedToken>(null, errors);

        var secret = ApiToken.NewToken();
        var token = new ApiToken(me.Id, name!, secret, now, scopes, expiresAt);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.TokenCreated, AuditObjects.User, AuditChain.Id(me.Id), $"token={token.Id} scopes={token.Scopes}", ct);
        return DeskChange.Done(new CreatedToken(token.Id, token.UserId, token.Name, token.Prefix, token.ScopeList, token.CreatedAt, token.ExpiresAt, secret));
    }

    public async Task<bool> RevokeAsync(CurrentUser me, long id, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && (me.Role == UserRole.Admin || t.UserId == me.Id), ct);
        if (token is null) return false;
        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.TokenRevoked, AuditObjects.User, AuditChain.Id(token.UserId), $"token={token.Id}", ct);
        return true;
    }

    private static TokenDto Dto(ApiToken t, DateTimeOffset now) =>
        new(t.Id, t.UserId, t.Name, t.Prefix, t.ScopeList, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.RevokedAt is null && (t.ExpiresAt is null || t.ExpiresAt > now));
}
