using System.Security.Cryptography;
using System.Text;

namespace Okno.Core.Operators;

/// <summary>A bearer token for integrators. Only its SHA-256 is stored; the token itself is shown once.</summary>
public sealed class ApiToken
{
    private ApiToken() { }

    public ApiToken(long userId, string name, string token, DateTimeOffset now, IEnumerable<string>? scopes = null, DateTimeOffset? expiresAt = null)
    {
        Scopes = string.Join(',', scopes ?? TokenScopes.All);
        ExpiresAt = expiresAt;
        UserId = userId;
        Name = name;
        Hash = HashOf(token);
        Prefix = token.Length > 6 ? token[..6] : token;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public long UserId { get; private set; }
    public User? User { get; private set; }
    public string Name { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    /// <summary>Comma-separated <see cref="TokenScopes"/>.</summary>
    public string Scopes { get; private set; } = "";
    public DateTimeOffset? ExpiresAt { get; private set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() => "okno_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}

/// <summary>
/// What a token may do, on top of what its user's role may: read (GET), write (changes; includes read), admin (the
/// administrator's and supervisor's endpoints; includes read and write), webhooks (the live-event stream /hubs).
/// </summary>
public static class TokenScopes
{
    public const string Read = "read", Write = "write", Admin = "admin", Webhooks = "webhooks";
    public static readonly IReadOnlyList<string> All = [Read, Write, Admin, Webhooks];

    public static bool Grants(IReadOnlyCollection<string> scopes, string needed) => needed switch
    {
        Read => scopes.Contains(Read) || scopes.Contains(Write) || scopes.Contains(Admin),
        Write => scopes.Contains(Write) || scopes.Contains(Admin),
        _ => scopes.Contains(needed),
    };
}
