using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Okno.Web.TwoFactor;

/// <summary>
/// The web app's sign-in in two pages: after a right password the browser holds, for five minutes, an encrypted
/// cookie naming the user and their security stamp — never the password — and the second page asks for the code.
/// </summary>
public sealed class PendingSignIn(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "okno.2fa";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly IDataProtector _protector = protection.CreateProtector("Okno.TwoFactor.Pending.v1");

    public void Issue(HttpContext ctx, long userId, string stamp)
    {
        var until = (clock.GetUtcNow() + Lifetime).UtcTicks;
        var value = _protector.Protect(string.Join('|', userId.ToString(CultureInfo.InvariantCulture), stamp, until.ToString(CultureInfo.InvariantCulture)));
        ctx.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = ctx.Request.IsHttps, MaxAge = Lifetime, Path = "/",
        });
    }

    /// <returns>The user id and stamp while the cookie is valid and unexpired, else null.</returns>
    public (long UserId, string Stamp)? Read(HttpContext ctx)
    {
        if (ctx.Request.Cookies[CookieName] is not { Length: > 0 } raw) return null;
        try
        {
            var parts = _protector.Unprotect(raw).Split('|');
            if (parts.Length != 3 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var id)
                || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var until) || until < clock.GetUtcNow().UtcTicks) return null;
            return (id, parts[1]);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static void Clear(HttpContext ctx) => ctx.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
}
