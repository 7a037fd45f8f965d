using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Privacy;

namespace Okno.Web.Privacy;

/// <summary>
/// Signs export manifests with the server's ECDSA P-256 key (SHA-256, DER signature — what <c>openssl dgst -verify</c>
/// reads). The key is made on first use and kept in the database (<see cref="SigningKey"/>), its private half encrypted
/// with Data Protection, so every node signs with the same key and a stolen database alone cannot sign.
/// </summary>
public sealed class ExportSigner(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Algorithm = "ECDSA-P256-SHA256";
    private readonly IDataProtector _protector = protection.CreateProtector("Okno.Exports.SigningKey.v1");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (ECDsa Key, PublicKeyInfo Info)? _loaded;

    public sealed record PublicKeyInfo(string Algorithm, string KeyId, string PublicKey, string Pem);

    public async Task<PublicKeyInfo> PublicKeyAsync(CancellationToken ct) => (await LoadAsync(ct)).Info;

    public async Task<byte[]> SignAsync(byte[] data, CancellationToken ct)
    {
        var (key, _) = await LoadAsync(ct);
        return key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>The key ids this server signs or signed with (null when the database holds none, e.g. not created yet).</summary>
    public static async Task<IReadOnlyList<string>> KnownKeyIdsAsync(OknoDbContext db, CancellationToken ct) =>
        await db.SigningKeys.AsNoTracking().Where(k => k.Purpose == SigningKey.Exports).Select(k => k.KeyId).ToListAsync(ct);

    public static string KeyIdOf(byte[] subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));

    private async Task<(ECDsa Key, PublicKeyInfo Info)> LoadAsync(CancellationToken ct)
    {
        if (_loaded is { } loaded) return loaded;
        await _gate.WaitAsync(ct);
        try
        {
            if (_loaded is { } again) return again;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            var row = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Purpose == SigningKey.Exports, ct) ?? await CreateAsync(db, ct);
            var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(_protector.Unprotect(Convert.FromBase64String(row.ProtectedPrivateKey)), out _);
            var spki = Convert.FromBase64String(row.PublicKey);
            _loaded = (key, new PublicKeyInfo(Algorithm, row.KeyId, row.PublicKey, PemEncoding.WriteString("PUBLIC KEY", spki)));
            return _loaded.Value;
        }
        finally { _gate.Release(); }
    }

    /// <summary>The first signature makes the key; a node that loses the race to insert reads the winner's.</summary>
    private async Task<SigningKey> CreateAsync(OknoDbContext db, CancellationToken ct)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = key.ExportSubjectPublicKeyInfo();
        var row = new SigningKey(SigningKey.Exports, KeyIdOf(spki), Convert.ToBase64String(spki),
            Convert.ToBase64String(_protector.Protect(key.ExportPkcs8PrivateKey())), clock.GetUtcNow());
        db.SigningKeys.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return row;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            return await db.SigningKeys.AsNoTracking().FirstAsync(k => k.Purpose == SigningKey.Exports, ct);
        }
    }
}
