namespace Okno.Core.Contacts;

/// <summary>A staff note about a client (not about one request): kept across all their conversations.</summary>
public sealed class ContactNote
{
    private ContactNote() { }

    public ContactNote(long contactId, string text, long? authorId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxLength) throw new DomainException($"Заметка: от 1 до {MaxLength} символов.");
        ContactId = contactId;
        Text = text.Trim();
        AuthorId = authorId;
        CreatedAt = now;
    }

    public const int MaxLength = 4000;

    public long Id { get; private set; }
    public long ContactId { get; set; }
    public string Text { get; private set; } = "";
    public long? AuthorId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
