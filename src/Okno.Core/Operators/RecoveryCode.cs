using System.Security.Cryptography;
using System.Text;

namespace Okno.Core.Operators;

/// <summary>A one-time code for signing in without the authenticator app. Only its SHA-256 is stored.</summary>
public sealed class RecoveryCode
{
    private RecoveryCode() { }

    public RecoveryCode(long userId, string code, DateTimeOffset now)
    {
        UserId = userId;
        Hash = HashOf(code);
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public long UserId { get; private set; }
    public string Hash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    public const int PerUser = 10;
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>"xxxxx-xxxxx" from an alphabet without look-alikes (about 49 bits).</summary>
    public static string NewCode()
    {
        var chars = new char[11];
        for (var i = 0; i < chars.Length; i++) chars[i] = i == 5 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    /// <summary>Case, spaces and dashes do not matter.</summary>
    public static string Normalize(string code) =>
        new(code.Where(c => c is not ('-' or ' ')).Select(char.ToLowerInvariant).ToArray());

    public static bool LooksLikeOne(string code) => Normalize(code) is { Length: 10 } n && n.All(Alphabet.Contains);

    public static string HashOf(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));
}
