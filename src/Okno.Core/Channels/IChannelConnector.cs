using System.Text.Json.Nodes;

namespace Okno.Core.Channels;

/// <summary>
/// The one contract a platform implements: read its webhooks, send through it, and set it up.
/// A connector is the only code that knows the platform's wire format.
/// </summary>
public interface IChannelConnector
{
    /// <summary>What this kind is: titles, settings schema, set-up steps, capabilities.</summary>
    ChannelDescriptor Descriptor { get; }

    ChannelKind Kind => Descriptor.Kind;

    /// <summary>
    /// The kind's own rules beyond the schema (formats, settings required together), on settings the schema has
    /// already normalized; returns problems as (setting, message in Russian naming the setting).
    /// </summary>
    IReadOnlyDictionary<string, string> ValidateSettings(JsonObject settings) => new Dictionary<string, string>();

    /// <summary>
    /// Verifies the request (signature, token — in constant time, before anything else), then answers a
    /// handshake or turns the payload into normalized events. Nothing is written here.
    /// </summary>
    Task<WebhookOutcome> ReadWebhookAsync(ChannelContext channel, WebhookRequest request, CancellationToken ct);

    Task<DeliveryResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken ct);

    /// <summary>Fetches media an inbound message referred to (file id, media id, URL).</summary>
    Task<MediaContent?> DownloadAsync(ChannelContext channel, string sourceRef, CancellationToken ct) =>
        Task.FromResult<MediaContent?>(null);

    /// <summary>Registers the webhook (or checks the credentials) with the platform.</summary>
    Task<SetupResult> SetUpAsync(ChannelContext channel, string webhookUrl, CancellationToken ct) =>
        Task.FromResult(SetupResult.Ok());

    Task TearDownAsync(ChannelContext channel, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>A connector that also pulls (long polling, IMAP, state checks) while its channel exists.</summary>
public interface IPollingConnector
{
    bool WantsPolling(ChannelContext channel);

    /// <summary>Runs until cancelled; hands what it reads to <paramref name="sink"/>, which returns after commit.</summary>
    Task PollAsync(ChannelContext channel, IInboundSink sink, IChannelStateStore state, CancellationToken ct);
}

public interface IInboundSink
{
    /// <summary>Completes when the events are committed (durable); throws when they could not be.</summary>
    Task AcceptAsync(Guid channelAccountId, IReadOnlyList<InboundEvent> events, CancellationToken ct);
}

public interface IChannelStateStore
{
    Task<string?> GetAsync(Guid channelAccountId, string key, CancellationToken ct);
    Task SetAsync(Guid channelAccountId, string key, string value, CancellationToken ct);
}

public sealed record ChannelContext(Guid Id, ChannelKind Kind, string Name, JsonObject Settings)
{
    public string? Setting(string name) => Settings[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s
        : Settings[name]?.ToJsonString();

    public string RequiredSetting(string name) => Setting(name) is { Length: > 0 } s ? s
        : throw new InvalidOperationException($"Channel {Id}: setting '{name}' is missing.");
}

/// <summary>A downloaded file as a stream; Length when the platform declared it (checked against the size cap before reading).</summary>
public sealed record MediaContent(Stream Content, string ContentType, string? FileName, long? Length = null);

public sealed record SetupResult(bool Success, string? Error)
{
    public static SetupResult Ok() => new(true, null);
    public static SetupResult Fail(string error) => new(false, error);
}
