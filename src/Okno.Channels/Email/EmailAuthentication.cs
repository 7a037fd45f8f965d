using MimeKit;
using MimeKit.Cryptography;

namespace Okno.Channels.Email;

/// <summary>
/// Whether a letter's From: is vouched for. Okno does not verify DKIM itself: it trusts only the topmost
/// Authentication-Results header, and only when its authserv-id is the one configured for our own receiving server
/// (RFC 8601: that server removes look-alikes arriving from outside). dkim=pass counts when header.d is From:'s domain
/// or a parent of it (relaxed alignment); dmarc=pass when header.from is From:'s domain. Anything else is unverified.
/// </summary>
public static class EmailAuthentication
{
    public static bool IsAligned(MimeMessage message, string fromAddress, string? trustedAuthServId)
    {
        if (string.IsNullOrWhiteSpace(trustedAuthServId)) return false;
        var header = message.Headers.FirstOrDefault(h => h.Id == HeaderId.AuthenticationResults);
        if (header is null || !AuthenticationResults.TryParse(header.RawValue, out var results)) return false;
        if (!string.Equals(results.AuthenticationServiceIdentifier, trustedAuthServId, StringComparison.OrdinalIgnoreCase)) return false;
        var domain = Domain(fromAddress);
        if (domain is null) return false;
        foreach (var r in results.Results)
        {
            if (!string.Equals(r.Result, "pass", StringComparison.OrdinalIgnoreCase)) continue;
            var method = r.Method?.ToLowerInvariant();
            foreach (var p in r.Properties)
            {
                if (!string.Equals(p.PropertyType, "header", StringComparison.OrdinalIgnoreCase)) continue;
                var value = p.Value?.Trim().TrimStart('@').ToLowerInvariant();
                if (string.IsNullOrEmpty(value)) continue;
                if (method == "dkim" && p.Property is "d" && (domain == value || domain.EndsWith("." + value, StringComparison.Ordinal))) return true;
                if (method == "dmarc" && p.Property is "from" && domain == value) return true;
            }
        }
        return false;
    }

    public static bool SameDomain(string a, string b) => Domain(a) is { } x && x == Domain(b);

    private static string? Domain(string address) =>
        address.LastIndexOf('@') is var at and > 0 && at < address.Length - 1 ? address[(at + 1)..].Trim().ToLowerInvariant() : null;
}
