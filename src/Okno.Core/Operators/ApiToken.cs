using System.Security.Cryptography;
using System.Text;

namespace Okno.Core.Operators;

/// <summary>A bearer token for integrators. Only its SHA-256 is stored; the token itself is shown once.</summary>
public sealed class ApiToken
{
    private ApiToken() { }

    public ApiToken(long userId, string name, string token, DateTimeOffset now)
    {
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

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() => "okno_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
