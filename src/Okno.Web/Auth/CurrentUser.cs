using System.Security.Claims;
using Okno.Core.Operators;

namespace Okno.Web.Auth;

/// <summary>Who is asking, read from the principal that cookie or bearer authentication built.</summary>
public sealed record CurrentUser(long Id, UserRole Role, string Name)
{
    public const string StampClaim = "okno:stamp";
    /// <summary>Present while the administrator requires two-factor sign-in of the role and the user has not enabled it.</summary>
    public const string MustEnrolClaim = "okno:2fa-enrol";
    /// <summary>On a principal from an API token: the token's id and each of its scopes.</summary>
    public const string TokenIdClaim = "okno:token", ScopeClaim = "okno:scope";

    /// <summary>Added on each request by <see cref="RoleSettingsClaims"/> when the administrator masks e-mails for the user's role.</summary>
    public const string MasksEmailsClaim = "okno:mask-emails";

    public static CurrentUser From(ClaimsPrincipal principal) => new(
        long.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."), System.Globalization.CultureInfo.InvariantCulture),
        Enum.Parse<UserRole>(principal.FindFirstValue(ClaimTypes.Role) ?? nameof(UserRole.Operator)),
        principal.FindFirstValue(ClaimTypes.Name) ?? "")
    { MasksEmails = principal.HasClaim(c => c.Type == MasksEmailsClaim) };

    public static ClaimsPrincipal Principal(User user, string scheme, bool mustEnrol = false) => new(new ClaimsIdentity(
    [
        .. (mustEnrol ? new[] { new Claim(MustEnrolClaim, "1") } : []),
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Role, user.Role.ToString()),
        new Claim(ClaimTypes.Name, user.Name),
        new Claim(ClaimTypes.Email, user.Email),
        new Claim(StampClaim, user.SecurityStamp),
    ], scheme));

    /// <summary>The security stamp the cookie was issued with; null for cookies from before stamps existed.</summary>
    public static string? StampOf(ClaimsPrincipal principal) => principal.FindFirstValue(StampClaim);

    /// <summary>The scopes of the API token the request came with; null for a cookie session (no narrowing).</summary>
    public static IReadOnlyCollection<string>? ScopesOf(ClaimsPrincipal principal) =>
        principal.HasClaim(c => c.Type == TokenIdClaim) ? principal.FindAll(ScopeClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal) : null;

    public static bool MustEnrol(ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == MustEnrolClaim);

    public bool SeesPhones => Role.SeesPhones();

    /// <summary>Whether clients' e-mail addresses reach this user masked (a per-role setting).</summary>
    public bool MasksEmails { get; init; }

    /// <summary>Sees every address whole: phones and e-mails — nothing to mask.</summary>
    public bool SeesAddresses => SeesPhones && !MasksEmails;
}
