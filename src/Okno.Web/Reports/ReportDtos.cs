namespace Okno.Web.Reports;

/// <summary>One group of the summary. Fixed by issue 13: key … csatAverage; the rest are additions.</summary>
public sealed record SummaryRow(string Key, string Label, int Requests, double? FirstResponseMedianSeconds, double? FirstResponseP90Seconds,
    double? ResolutionMedianSeconds, int HandOffs, int NotTarget, int SlaBreaches, double? CsatAverage,
    int Target, double? TargetShare, double? FirstResponseAverageSeconds, double? ResolutionP90Seconds, int Answered, int Resolved,
    int Reassignments, int CsatCount, int QualityViolations, int Overturned = 0);

public sealed record SummaryReport(string GroupBy, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SummaryRow> Rows, SummaryRow Total);

/// <summary>One request of /api/v1/reports/requests (JSON, CSV and XLSX carry the same columns).</summary>
public sealed record RequestRow(long ConversationId, DateTimeOffset CreatedAt, string ChannelKind, Guid ChannelId, string? ChannelLabel, string Source, string SourceLabel,
    long? AssigneeId, string? AssigneeName, long? TeamId, string Status, long? FirstResponseSeconds, long? FirstResponseBusinessSeconds,
    long? AverageResponseSeconds, long? MaxResponseSeconds, long? ResolutionSeconds, long? ResolutionBusinessSeconds, int HandOffs, int Reassignments,
    int MessagesIn, int MessagesOut, string? SlaState, int SlaBreaches, bool? IsTarget, string? NotTargetReason, string? PracticeArea, int? Csat,
    int QualityViolations, string? UtmSource, string? UtmMedium, string? UtmCampaign, string? Page, string? Referrer, string? AvitoItem,
    long ContactId, string? ContactName, string? Phone);

public sealed record RequestPage(IReadOnlyList<RequestRow> Items, string? NextCursor);

public sealed record LiveOperator(long Id, string Name, string Status, int Open);

/// <summary>GET /api/v1/reports/live. Fixed: open … slaAtRisk; the rest are additions.</summary>
public sealed record LiveOverview(int Open, int Waiting, long LongestWaitSeconds, int OnlineOperators, int SlaAtRisk, int SlaBreached,
    int Unanswered, IReadOnlyList<LiveOperator> Operators);
