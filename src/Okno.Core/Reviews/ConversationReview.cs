using System.Text.Json;

namespace Okno.Core.Reviews;

/// <summary>A reviewer's scorecard of one request: 1..5 per criterion and a comment, about the operator who handled it.</summary>
public sealed class ConversationReview
{
    public const int MaxCommentLength = 4000;

    private ConversationReview() { }

    public ConversationReview(long conversationId, long? operatorId, long reviewerId, IReadOnlyDictionary<string, int> scores, string? comment, DateTimeOffset now)
    {
        if (scores.Count == 0) throw new DomainException("Оцените хотя бы один критерий.");
        if (scores.FirstOrDefault(s => s.Value is < 1 or > 5) is { Key: { } bad } b) throw new DomainException($"Оценка «{bad}» — {b.Value}: допустимо от 1 до 5.");
        if (comment?.Trim() is { Length: > MaxCommentLength }) throw new DomainException($"Комментарий длиннее {MaxCommentLength} символов.");
        ConversationId = conversationId;
        OperatorId = operatorId;
        ReviewerId = reviewerId;
        ScoresJson = JsonSerializer.Serialize(scores);
        Average = Math.Round(scores.Values.Average(), 2);
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public long ConversationId { get; private set; }
    /// <summary>Whose work is scored: the request's assignee when it was reviewed (null: nobody held it).</summary>
    public long? OperatorId { get; private set; }
    public long ReviewerId { get; private set; }
    public string ScoresJson { get; private set; } = "{}";
    public double Average { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyDictionary<string, int> Scores => JsonSerializer.Deserialize<Dictionary<string, int>>(ScoresJson) ?? [];
}
