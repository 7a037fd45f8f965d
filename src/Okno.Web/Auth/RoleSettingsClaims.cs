using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Okno.Core.Operators;

namespace Okno.Web.Auth;

/// <summary>
/// Marks the request's principal when the administrator masks e-mails for its role, so <see cref="CurrentUser"/> (and
/// through it every field, id and event the user receives) knows. Never stored in a cookie: read per request.
/// </summary>
public sealed class RoleSettingsClaims(RoleSettings settings) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == CurrentUser.MasksEmailsClaim)) return principal;
        if (!Enum.TryParse<UserRole>(principal.FindFirstValue(ClaimTypes.Role), out var role) || !await settings.MasksEmailsAsync(role, CancellationToken.None))
            return principal;
        var marked = principal.Clone();
        ((ClaimsIdentity)marked.Identity!).AddClaim(new Claim(CurrentUser.MasksEmailsClaim, "1"));
        return marked;
    }
}
