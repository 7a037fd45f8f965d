namespace Okno.Core.Privacy;

/// <summary>
/// The server's key that signs tamper-evident exports: ECDSA P-256, the private half encrypted with Data Protection
/// (so a copy of the database alone cannot sign), the public half (SubjectPublicKeyInfo, base64) in the clear.
/// One row per purpose; every node of a cluster reads the same row.
/// </summary>
public sealed class SigningKey
{
    private SigningKey() { }

    public SigningKey(string purpose, string keyId, string publicKey, string protectedPrivateKey, DateTimeOffset now)
    {
        Purpose = purpose;
        KeyId = keyId;
        PublicKey = publicKey;
        ProtectedPrivateKey = protectedPrivateKey;
        CreatedAt = now;
    }

    public const string Exports = "exports";

    public int Id { get; private set; }
    public string Purpose { get; private set; } = "";
    /// <summary>Hex SHA-256 of the public key's bytes: what a manifest names and a verifier compares.</summary>
    public string KeyId { get; private set; } = "";
    public string PublicKey { get; private set; } = "";
    public string ProtectedPrivateKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
