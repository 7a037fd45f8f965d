namespace Okno.Core.Contacts;

/// <summary>One client (a person) with every identity they wrote from.</summary>
public sealed class Contact
{
    private Contact() { }

    public Contact(string? name, DateTimeOffset now, bool isDemo = false)
    {
        SetName(string.IsNullOrWhiteSpace(name) ? null : name.Trim());
        CreatedAt = now;
        IsDemo = isDemo;
    }

    public long Id { get; private set; }
    public string? Name { get; private set; }
    /// <summary>The name folded for search (<see cref="SearchFold"/>), kept in step with <see cref="Name"/>.</summary>
    public string? SearchName { get; private set; }
    /// <summary>The name as roles that may not see phones see it, folded: what they search in.</summary>
    public string? SearchNameMasked { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public bool IsDemo { get; private set; }
    /// <summary>Set when this contact was merged into another; the contact then keeps no identities.</summary>
    public long? MergedIntoId { get; private set; }
    public List<ContactIdentity> Identities { get; private set; } = [];
    /// <summary>When the client's personal data was erased on their request (152-ФЗ); the row stays for statistics.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>The name and its search forms go; the row (id, created) stays so conversations keep their contact.</summary>
    public void Erase(DateTimeOffset now)
    {
        (Name, SearchName, SearchNameMasked) = (null, null, null);
        ErasedAt ??= now;
    }

    public void Rename(string? name) => SetName(string.IsNullOrWhiteSpace(name) ? Name : name.Trim());

    /// <summary>Takes a name from a platform profile only when we have none yet.</summary>
    public void LearnName(string? name)
    {
        if (Name is null && !string.IsNullOrWhiteSpace(name)) SetName(name.Trim());
    }

    /// <summary>Fills the search columns of a row written before they existed.</summary>
    public bool RefreshSearch()
    {
        var (plain, masked) = (SearchFold.Of(Name), SearchFold.Of(Name is null ? null : PhoneMask.MaskInText(Name)));
        if (plain == SearchName && masked == SearchNameMasked) return false;
        (SearchName, SearchNameMasked) = (plain, masked);
        return true;
    }

    private void SetName(string? name)
    {
        Name = name;
        RefreshSearch();
    }

    public void MarkMergedInto(long survivorId) => MergedIntoId = survivorId;
}
