using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Okno.Web.Widget;

/// <summary>Issues and reads visitor tokens; a token of another channel, a forged or an expired one reads as null.</summary>
public sealed class WidgetTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IDataProtector _protector = protection.CreateProtector("Okno.Widget.Visitor.v1");

    public VisitorToken NewAnonymous(Guid channelId) => new(channelId, "v" + Guid.NewGuid().ToString("N"), clock.GetUtcNow());

    /// <summary>A visitor the site identified: the same id on every device, derived so the site's user id is not exposed.</summary>
    public VisitorToken NewVerified(Guid channelId, string userId) =>
        new(channelId, VerifiedVisitorId(channelId, userId), clock.GetUtcNow()) { Verified = true };

    public static string VerifiedVisitorId(Guid channelId, string userId) =>
        "u" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{channelId:N}|{userId}")))[..32];

    public string Issue(VisitorToken token) => _protector.Protect(JsonSerializer.Serialize(token, Json));

    public VisitorToken? Read(string? value, Guid channelId)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 4096) return null;
        try
        {
            var token = JsonSerializer.Deserialize<VisitorToken>(_protector.Unprotect(value), Json);
            if (token is null || token.ChannelId != channelId || token.IssuedAt + Lifetime < clock.GetUtcNow()) return null;
            return token;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Checks data-user-hash = hex HMAC-SHA256(hmacSecret, userId) in constant time.</summary>
    public static bool UserHashMatches(string? secret, string? userId, string? userHash) =>
        !string.IsNullOrEmpty(secret) && !string.IsNullOrEmpty(userId) && userId.Length <= 200 &&
        global::Okno.Channels.Common.ConstantTime.HmacMatches(userHash, "", Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(userId), HashAlgorithmName.SHA256);
}
