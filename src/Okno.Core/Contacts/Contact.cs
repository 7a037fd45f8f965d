namespace Okno.Core.Contacts;

/// <summary>One client (a person) with every identity they wrote from.</summary>
public sealed class Contact
{
    private Contact() { }

    public Contact(string? name, DateTimeOffset now, bool isDemo = false)
    {
        Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        CreatedAt = now;
        IsDemo = isDemo;
    }

    public long Id { get; private set; }
    public string? Name { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public bool IsDemo { get; private set; }
    /// <summary>Set when this contact was merged into another; the contact then keeps no identities.</summary>
    public long? MergedIntoId { get; private set; }
    public List<ContactIdentity> Identities { get; private set; } = [];

    public void Rename(string? name) => Name = string.IsNullOrWhiteSpace(name) ? Name : name.Trim();

    /// <summary>Takes a name from a platform profile only when we have none yet.</summary>
    public void LearnName(string? name)
    {
        if (Name is null && !string.IsNullOrWhiteSpace(name)) Name = name.Trim();
    }

    public void MarkMergedInto(long survivorId) => MergedIntoId = survivorId;
}
