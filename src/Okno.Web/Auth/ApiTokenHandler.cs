using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Okno.Core.Data;
using Okno.Core.Operators;

namespace Okno.Web.Auth;

/// <summary>"Authorization: Bearer &lt;token&gt;" (or access_token on the hub's websocket): looked up by its SHA-256.</summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, OknoDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (token is null) return AuthenticateResult.NoResult();
        var hash = ApiToken.HashOf(token);
        var now = clock.GetUtcNow();
        var found = await db.ApiTokens.AsNoTracking().Include(t => t.User)
            .FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now), Context.RequestAborted);
        if (found?.User is not { IsActive: true } user) return AuthenticateResult.Fail("Invalid API token.");
        var principal = CurrentUser.Principal(user, SchemeName);
        var identity = (System.Security.Claims.ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new System.Security.Claims.Claim(CurrentUser.TokenIdClaim, found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var scope in found.ScopeList) identity.AddClaim(new System.Security.Claims.Claim(CurrentUser.ScopeClaim, scope));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header[7..].Trim();
        if (request.Path.StartsWithSegments("/hubs") && request.Query["access_token"].ToString() is { Length: > 0 } q) return q;
        return null;
    }
}
