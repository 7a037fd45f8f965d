using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Messages;

namespace Okno.Web.Operations;

/// <summary>Gauges read at scrape time: the ingest writer's queue, the outbox backlog per channel account, hub connections.</summary>
public sealed class OknoGauges(IMeterFactory meters, IngestWriter writer, IServiceScopeFactory scopes, TimeProvider clock, ILogger<OknoGauges> log)
{
    public const string MeterName = "Okno.Gauges";
    private static readonly TimeSpan BacklogCacheFor = TimeSpan.FromSeconds(5);
    private Meter? _meter;
    private long _hubConnections;
    private (DateTimeOffset At, List<Measurement<long>> Values) _backlog = (DateTimeOffset.MinValue, []);

    public void Start()
    {
        if (_meter is not null) return;
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("okno.ingest.queue.depth", () => writer.QueueDepth, "{webhook}", "Webhooks waiting for the ingest writer.");
        _meter.CreateObservableGauge("okno.outbox.backlog", Backlog, "{item}", "Outbound sends not yet done, per channel account.");
        _meter.CreateObservableGauge("okno.hub.connections", () => Interlocked.Read(ref _hubConnections), "{connection}", "Clients connected to this node's live-events hub /hubs/inbox.");
    }

    /// <summary>Clients connected to this host's hub now (a gauge per host, not a process-wide counter).</summary>
    public long HubConnections => Interlocked.Read(ref _hubConnections);

    public void HubConnected(int delta) => Interlocked.Add(ref _hubConnections, delta);

    private List<Measurement<long>> Backlog()
    {
        var now = clock.GetUtcNow();
        if (now - _backlog.At < BacklogCacheFor) return _backlog.Values;
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            var rows = db.Outbox.AsNoTracking().Where(o => o.Kind == OutboxKind.Send)
                .GroupBy(o => o.Message!.ChannelAccountId).Select(g => new { g.Key, Count = g.LongCount() }).ToList();
            var values = rows.Select(r => new Measurement<long>(r.Count, new KeyValuePair<string, object?>("channel_account", r.Key?.ToString() ?? "none"))).ToList();
            values.Add(new Measurement<long>(rows.Sum(r => r.Count), new KeyValuePair<string, object?>("channel_account", "all"))); // present even when empty

            _backlog = (now, values);
        }
        catch (Exception e) when (e is InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
        {
            log.LogWarning("Outbox backlog not measured: {Error}", e.GetType().Name);
        }
        return _backlog.Values;
    }
}
