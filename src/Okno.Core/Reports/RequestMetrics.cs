using Okno.Core.Channels;
using Okno.Core.Conversations;
using Okno.Core.Desk;

namespace Okno.Core.Reports;

/// <summary>
/// One request's numbers (issue 13.1–13.2), one row per conversation, computed from its messages and lines by
/// <see cref="MetricsCalculator"/> after commit, off the ingest path (<see cref="RequestMetricsWorker"/>). Reports read
/// only this table. Times are whole seconds; the business variants use the request's team's working schedule.
/// </summary>
public sealed class RequestMetrics
{
    /// <summary>Bumped when the calculation changes: rows of an older version are recomputed at start.</summary>
    public const int CurrentVersion = 2;
    public const int MaxSource = 200, MaxUrl = 500, MaxTag = 100, MaxLabel = 200;

    public long ConversationId { get; set; }
    public int Version { get; set; }
    /// <summary>The conversation's newest message id when computed: a mismatch at start means history changed unseen.</summary>
    public long LastMessageId { get; set; }
    public DateTimeOffset ComputedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The day it came, in the firm's zone, as yyyymmdd: reports group by day / week / month in SQL.</summary>
    public int LocalDay { get; set; }
    public long ContactId { get; set; }
    public ConversationStatus Status { get; set; }
    public long? AssigneeId { get; set; }
    public long? TeamId { get; set; }

    // Lead source (issue 13.2), normalised by LeadSource.
    public ChannelKind ChannelKind { get; set; }
    public Guid ChannelId { get; set; }
    public string Source { get; set; } = "";
    public string? Page { get; set; }
    public string? Referrer { get; set; }
    public string? UtmSource { get; set; }
    public string? UtmMedium { get; set; }
    public string? UtmCampaign { get; set; }
    public string? AvitoItem { get; set; }

    public DateTimeOffset? FirstInboundAt { get; set; }
    public long? FirstResponseSeconds { get; set; }
    public long? FirstResponseBusinessSeconds { get; set; }
    public int Responses { get; set; }
    public long? AverageResponseSeconds { get; set; }
    public long? MaxResponseSeconds { get; set; }
    public long? ResolutionSeconds { get; set; }
    public long? ResolutionBusinessSeconds { get; set; }
    public int HandOffs { get; set; }
    public int Reassignments { get; set; }
    public int MessagesIn { get; set; }
    public int MessagesOut { get; set; }

    /// <summary>Null when no SLA policy applies.</summary>
    public SlaState? SlaState { get; set; }
    public int SlaBreaches { get; set; }
    public bool? IsTarget { get; set; }
    public string? NotTargetReason { get; set; }
    public string? PracticeArea { get; set; }
    public int? Csat { get; set; }
    public int QualityViolations { get; set; }
}
