namespace Okno.Core.Contacts;

/// <summary>A short tag on a client ("VIP", "банкротство"), to find and group them.</summary>
public sealed class ContactLabel
{
    private ContactLabel() { }

    public ContactLabel(long contactId, string text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxLength) throw new DomainException($"Метка: от 1 до {MaxLength} символов.");
        ContactId = contactId;
        Text = text.Trim();
        CreatedAt = now;
    }

    public const int MaxLength = 50;

    public long Id { get; private set; }
    public long ContactId { get; set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
