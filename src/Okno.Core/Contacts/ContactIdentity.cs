namespace Okno.Core.Contacts;

/// <summary>One address of a contact on one channel: (kind, normalized value), unique.</summary>
public sealed class ContactIdentity
{
    private ContactIdentity() { }

    public ContactIdentity(IdentityKind kind, string value, DateTimeOffset now)
    {
        Kind = kind;
        Value = value;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public long ContactId { get; set; }
    public IdentityKind Kind { get; private set; }
    public string Value { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
