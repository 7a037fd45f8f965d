using System.Security.Cryptography;
using System.Text;

namespace Okno.Core.OutgoingWebhooks;

/// <summary>
/// Standard Webhooks signing: <c>webhook-signature: v1,&lt;base64 HMAC-SHA256 of "{id}.{timestamp}.{body}"&gt;</c>
/// with the key the secret <c>whsec_&lt;base64&gt;</c> carries.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "whsec_";

    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string NewWebhookId() => "msg_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A secret Okno accepts: <c>whsec_</c> and base64 of 24 to 64 bytes.</summary>
    public static bool IsValidSecret(string secret) => Key(secret) is { Length: >= 24 and <= 64 };

    public static string Sign(string secret, string webhookId, long timestamp, string body)
    {
        var key = Key(secret) ?? throw new ArgumentException("Not a whsec_ secret.", nameof(secret));
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }

    private static byte[]? Key(string secret)
    {
        var raw = secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret;
        try { return Convert.FromBase64String(raw); }
        catch (FormatException) { return null; }
    }
}
