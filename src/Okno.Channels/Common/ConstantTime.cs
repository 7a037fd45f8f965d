using System.Security.Cryptography;
using System.Text;

namespace Okno.Channels.Common;

public static class ConstantTime
{
    /// <summary>Compares secrets without leaking, through timing, how much of them matched.</summary>
    public static bool Equal(string? a, string? b)
    {
        if (a is null || b is null) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
    }

    /// <summary>Checks a hex HMAC signature (with an optional "sha256=" style prefix) of a raw body.</summary>
    public static bool HmacMatches(string? signatureHex, string prefix, ReadOnlySpan<byte> key, ReadOnlySpan<byte> body, HashAlgorithmName algorithm)
    {
        if (signatureHex is null || !signatureHex.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        byte[] given;
        try { given = Convert.FromHexString(signatureHex.AsSpan(prefix.Length)); }
        catch (FormatException) { return false; }
        var expected = algorithm == HashAlgorithmName.SHA512 ? HMACSHA512.HashData(key, body)
            : HMACSHA256.HashData(key, body);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
