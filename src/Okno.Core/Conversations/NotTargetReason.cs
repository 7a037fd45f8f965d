namespace Okno.Core.Conversations;

/// <summary>One of the admin-kept reasons an operator picks when marking a request "not target".</summary>
public sealed class NotTargetReason
{
    private NotTargetReason() { }

    public NotTargetReason(string text, DateTimeOffset now)
    {
        Rename(text);
        CreatedAt = now;
        IsActive = true;
    }

    public const int MaxLength = 200;

    public long Id { get; private set; }
    public string Text { get; private set; } = "";
    public bool IsActive { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void Rename(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxLength) throw new DomainException($"Причина: от 1 до {MaxLength} символов.");
        Text = text.Trim();
    }

    public void SetActive(bool active) => IsActive = active;
}
