namespace Okno.Core.Scripts;

/// <summary>
/// A canned answer the firm approved. Its text may hold {client_name} and {operator_name}, filled in when used.
/// </summary>
public sealed class Script
{
    private Script() { }

    public Script(string title, string text, DateTimeOffset now)
    {
        Update(title, text);
        CreatedAt = now;
    }

    public const int MaxTitle = 200;
    public const int MaxText = 4000;

    public long Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public void Update(string? title, string? text)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitle) throw new DomainException($"Название скрипта: от 1 до {MaxTitle} символов.");
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxText) throw new DomainException($"Текст скрипта: от 1 до {MaxText} символов.");
        Title = title.Trim();
        Text = text.Trim();
    }

    /// <summary>The text with the variables filled in; unknown variables stay as written.</summary>
    public string Render(string? clientName, string? operatorName) => Text
        .Replace("{client_name}", string.IsNullOrWhiteSpace(clientName) ? "" : clientName, StringComparison.Ordinal)
        .Replace("{operator_name}", operatorName ?? "", StringComparison.Ordinal);
}
