using System.Text.Json;

namespace Okno.Core.OutgoingWebhooks;

/// <summary>
/// A receiver of Okno's events (a CRM, a firm's script): its URL, the event types it chose, its signing secret
/// (Data Protection-encrypted, like channel secrets) and whether it may receive clients' phones.
/// </summary>
public sealed class WebhookEndpoint
{
    private WebhookEndpoint() { }

    public WebhookEndpoint(string url, IReadOnlyList<string> events, string protectedSecret, bool includePhones, DateTimeOffset now)
    {
        Url = url;
        Events = events;
        ProtectedSecret = protectedSecret;
        IncludePhones = includePhones;
        Enabled = true;
        CreatedAt = now;
    }

    public const int MaxUrl = 2000;

    public long Id { get; private set; }
    public string Url { get; set; } = "";
    public string EventsJson { get; private set; } = "[]";
    public string ProtectedSecret { get; private set; } = "";
    public bool IncludePhones { get; set; }
    public bool Enabled { get; private set; }
    /// <summary>Why Okno switched it off (every attempt of a delivery failed and nothing got through since).</summary>
    public string? DisabledReason { get; private set; }
    public DateTimeOffset? DisabledAt { get; private set; }
    public DateTimeOffset? LastSuccessAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<string> Events
    {
        get => JsonSerializer.Deserialize<List<string>>(EventsJson) ?? [];
        set => EventsJson = JsonSerializer.Serialize(value.Distinct().ToList());
    }

    public bool Wants(string eventType) => Enabled && Events.Contains(eventType);

    public void Enable()
    {
        Enabled = true;
        DisabledReason = null;
        DisabledAt = null;
    }

    public void Disable(string? reason, DateTimeOffset now)
    {
        Enabled = false;
        DisabledReason = reason;
        DisabledAt = now;
    }

    public void RecordSuccess(DateTimeOffset at)
    {
        if (LastSuccessAt is null || at > LastSuccessAt) LastSuccessAt = at;
    }
}
