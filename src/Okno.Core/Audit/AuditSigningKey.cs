namespace Okno.Core.Audit;

/// <summary>
/// The key that signs exported audit heads: random, made once, stored encrypted with Data Protection (so every node
/// of a cluster signs alike, and a database copy without the key ring cannot forge a head).
/// </summary>
public sealed class AuditSigningKey
{
    public const int SingleId = 1;

    private AuditSigningKey() { }

    public AuditSigningKey(string protectedKey, DateTimeOffset now)
    {
        ProtectedKey = protectedKey;
        CreatedAt = now;
    }

    public int Id { get; private set; } = SingleId;
    public string ProtectedKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
