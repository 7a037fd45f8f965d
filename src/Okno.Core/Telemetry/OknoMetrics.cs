using System.Diagnostics.Metrics;

namespace Okno.Core.Telemetry;

/// <summary>
/// Okno's own instruments (meter "Okno"), exported in Prometheus format at /metrics. Counters and histograms are
/// process-wide; the gauges (writer queue depth, outbox backlog, hub connections) are registered per host by the web app.
/// </summary>
public static class OknoMetrics
{
    public const string MeterName = "Okno";
    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> WebhooksReceived = Meter.CreateCounter<long>("okno.webhooks.received", "{webhook}", "Webhooks accepted and committed, per channel kind.");
    public static readonly Counter<long> WebhooksRejected = Meter.CreateCounter<long>("okno.webhooks.rejected", "{webhook}", "Webhooks refused (signature, size, unknown channel, not stored), per channel kind.");
    public static readonly Histogram<int> IngestBatchSize = Meter.CreateHistogram<int>("okno.ingest.batch.size", "{item}", "Webhooks committed together by the ingest writer.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
    public static readonly Histogram<double> IngestCommitDuration = Meter.CreateHistogram<double>("okno.ingest.commit.duration", "s", "Time of one ingest batch: processing and the commit.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
    public static readonly Counter<long> OutboxSends = Meter.CreateCounter<long>("okno.outbox.sends", "{send}", "Outbound sends by outcome (sent, retry, failed), per channel account.");

    public static void Webhook(string kind, bool accepted) =>
        (accepted ? WebhooksReceived : WebhooksRejected).Add(1, new KeyValuePair<string, object?>("channel_kind", kind));

    public static void Send(Guid? channelAccount, string outcome) =>
        OutboxSends.Add(1, new KeyValuePair<string, object?>("channel_account", channelAccount?.ToString() ?? "none"), new KeyValuePair<string, object?>("outcome", outcome));
}
