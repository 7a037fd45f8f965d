namespace Okno.Core.OutgoingWebhooks;

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// One event for one endpoint: the outbox row a worker sends with retries. The body is fixed when the event is
/// recorded and <see cref="WebhookId"/> never changes, so the receiver sees the same message on every attempt
/// (and on a replay) and can de-duplicate by it.
/// </summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery() { }

    public WebhookDelivery(long endpointId, string webhookId, string eventType, string body, DateTimeOffset now, long? replayOf = null)
    {
        EndpointId = endpointId;
        WebhookId = webhookId;
        EventType = eventType;
        Body = body;
        CreatedAt = now;
        DueAt = now;
        ReplayOfId = replayOf;
        Status = WebhookDeliveryStatus.Pending;
    }

    public long Id { get; private set; }
    public long EndpointId { get; private set; }
    /// <summary>The <c>webhook-id</c> header: <c>msg_…</c>, the same on every attempt.</summary>
    public string WebhookId { get; private set; } = "";
    public string EventType { get; private set; } = "";
    public string Body { get; private set; } = "";
    public WebhookDeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>A manual replay's original delivery.</summary>
    public long? ReplayOfId { get; private set; }
    public List<WebhookAttempt> AttemptLog { get; private set; } = [];

    /// <summary>Records one attempt; on failure schedules the next one, or gives up when the schedule is over.</summary>
    public void Record(DateTimeOffset at, int? statusCode, string? error, int durationMs)
    {
        Attempts++;
        LastAttemptAt = at;
        LastStatusCode = statusCode;
        LastError = error;
        ClaimedUntil = null;
        AttemptLog.Add(new WebhookAttempt(Id, at, statusCode, error, durationMs));
        if (statusCode is >= 200 and < 300)
        {
            Status = WebhookDeliveryStatus.Delivered;
            DeliveredAt = at;
            LastError = null;
        }
        else if (WebhookSchedule.After(Attempts) is { } wait) DueAt = at + wait;
        else Status = WebhookDeliveryStatus.Failed;
    }

    /// <summary>The endpoint is gone or switched off while the delivery waited: it stops here.</summary>
    public void Abandon(string reason)
    {
        Status = WebhookDeliveryStatus.Failed;
        LastError = reason;
        ClaimedUntil = null;
    }
}

/// <summary>One try of a delivery: the delivery log.</summary>
public sealed class WebhookAttempt
{
    private WebhookAttempt() { }

    public WebhookAttempt(long deliveryId, DateTimeOffset at, int? statusCode, string? error, int durationMs)
    {
        DeliveryId = deliveryId;
        At = at;
        StatusCode = statusCode;
        Error = error;
        DurationMs = durationMs;
    }

    public long Id { get; private set; }
    public long DeliveryId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }
    public int DurationMs { get; private set; }
}
