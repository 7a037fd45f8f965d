using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Data;

namespace Okno.Core.Audit;

/// <summary>Signs and checks audit heads with HMAC-SHA256 under the one <see cref="AuditSigningKey"/>.</summary>
public sealed class AuditHeadSigner(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock)
{
    private const string Purpose = "Okno.Audit.HeadSigning.v1";
    private byte[]? _key;

    /// <summary>A head as it is signed: what the chain's last entry is, at what time.</summary>
    public static string Message(long lastId, string hash, DateTimeOffset at, long fromId, IReadOnlyList<string> hashes) =>
        string.Join('\n', "okno-audit-head/v1", lastId.ToString(CultureInfo.InvariantCulture), hash,
            at.UtcTicks.ToString(CultureInfo.InvariantCulture), fromId.ToString(CultureInfo.InvariantCulture),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', hashes)))));

    public async Task<string> SignAsync(string message, CancellationToken ct) =>
        Convert.ToBase64String(HMACSHA256.HashData(await KeyAsync(ct), Encoding.UTF8.GetBytes(message)));

    public async Task<bool> VerifyAsync(string message, string? signature, CancellationToken ct)
    {
        if (signature is null) return false;
        byte[] given;
        try { given = Convert.FromBase64String(signature); }
        catch (FormatException) { return false; }
        var key = await KeyAsync(ct);
        return CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message)));
    }

    private async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        if (_key is { } known) return known;
        var protector = protection.CreateProtector(Purpose);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var row = await db.AuditSigningKeys.AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            db.AuditSigningKeys.Add(new AuditSigningKey(protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), clock.GetUtcNow()));
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex)) { } // another node made it first: use theirs
            db.ChangeTracker.Clear();
            row = await db.AuditSigningKeys.AsNoTracking().FirstAsync(ct);
        }
        return _key = Convert.FromBase64String(protector.Unprotect(row.ProtectedKey));
    }
}
