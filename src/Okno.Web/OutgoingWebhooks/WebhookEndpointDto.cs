using Okno.Core.OutgoingWebhooks;

namespace Okno.Web.OutgoingWebhooks;

public sealed record WebhookEndpointDto(long Id, string Url, IReadOnlyList<string> Events, bool IncludePhones, bool Enabled,
    string? DisabledReason, DateTimeOffset? DisabledAt, DateTimeOffset? LastSuccessAt, DateTimeOffset CreatedAt)
{
    public static WebhookEndpointDto From(WebhookEndpoint e) =>
        new(e.Id, e.Url, e.Events, e.IncludePhones, e.Enabled, e.DisabledReason, e.DisabledAt, e.LastSuccessAt, e.CreatedAt);
}

/// <summary>The answer to a create: the endpoint and its signing secret, shown this once.</summary>
public sealed record CreatedWebhookEndpointDto(long Id, string Secret, string Url, IReadOnlyList<string> Events, bool IncludePhones, bool Enabled, DateTimeOffset CreatedAt);

/// <summary>One delivery in the log: the request as sent (its headers but the signature, its body), and every attempt.</summary>
public sealed record WebhookDeliveryDto(long Id, string WebhookId, string EventType, string Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, int? LastStatusCode, string? LastError, long? ReplayOfId,
    WebhookRequestDto Request, IReadOnlyList<WebhookAttemptDto> AttemptLog)
{
    public static WebhookDeliveryDto From(WebhookDelivery d, string url) => new(d.Id, d.WebhookId, d.EventType, d.Status.ToString().ToLowerInvariant(),
        d.Attempts, d.CreatedAt, d.Status == WebhookDeliveryStatus.Pending ? d.DueAt : null, d.DeliveredAt, d.LastStatusCode, d.LastError, d.ReplayOfId,
        new WebhookRequestDto("POST", url, d.WebhookId, d.Body),
        d.AttemptLog.OrderBy(a => a.Id).Select(a => new WebhookAttemptDto(a.At, a.StatusCode, a.Error, a.DurationMs)).ToList());
}

public sealed record WebhookRequestDto(string Method, string Url, string WebhookId, string Body);

public sealed record WebhookAttemptDto(DateTimeOffset At, int? StatusCode, string? Error, int DurationMs);
