using Okno.Core.Conversations;
using Okno.Core.Reviews;

namespace Okno.Web.Reviews;

/// <summary>POST /api/v1/conversations/{id}/reviews: 1..5 per criterion of the scorecard, and a comment.</summary>
public sealed record ReviewBody(IReadOnlyDictionary<string, int>? Scores, string? Comment);

public sealed record ReviewDto(long Id, long ConversationId, long? OperatorId, string? OperatorName, long ReviewerId, string? ReviewerName,
    IReadOnlyDictionary<string, int> Scores, double Average, string? Comment, DateTimeOffset CreatedAt);

/// <summary>PUT /api/v1/reviews/scorecard.</summary>
public sealed record ScorecardBody(IReadOnlyList<string>? Criteria, int? SamplePerOperator);

public sealed record ScorecardDto(IReadOnlyList<string> Criteria, int SamplePerOperator, DateTimeOffset? UpdatedAt)
{
    public static ScorecardDto From(Scorecard s) => new(s.Criteria, s.SamplePerOperator, s.UpdatedAt);
}

/// <summary>POST /api/v1/conversations/{id}/target-audit: <c>decision</c> is "confirm" or "overturn".</summary>
public sealed record VerdictAuditBody(string? Decision, string? Comment);

public sealed record VerdictAuditDto(long Id, long ConversationId, long? VerdictById, string? Reason, bool Overturned, long ReviewerId, string? Comment, DateTimeOffset At)
{
    public static VerdictAuditDto From(TargetAudit a) => new(a.Id, a.ConversationId, a.VerdictById, a.Reason, a.Overturned, a.ReviewerId, a.Comment, a.At);
}

public sealed record QueueItemDto(long ConversationId, IReadOnlyList<string> Reasons, long? OperatorId, string? OperatorName, long? VerdictById,
    string? VerdictByName, string? ContactName, DateTimeOffset CreatedAt, ConversationStatus Status, bool? IsTarget, string? NotTargetReason, bool Reviewed);

public sealed record ReviewQueueDto(DateTimeOffset WeekStart, int SamplePerOperator, IReadOnlyList<QueueItemDto> Items);

/// <summary>One operator's "not target" verdicts in a period and how the audit went.</summary>
public sealed record VerdictStatsDto(long UserId, string? Name, int Verdicts, int Audited, int Confirmed, int Overturned, double? OverturnRate);
