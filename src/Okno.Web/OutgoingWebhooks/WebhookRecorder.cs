using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.OutgoingWebhooks;

namespace Okno.Web.OutgoingWebhooks;

/// <summary>
/// Turns this node's committed events (the one live-event stream, events published here only, so several nodes
/// record each event once) into delivery rows: one per endpoint that chose the type, with the body fixed now.
/// </summary>
public sealed class WebhookRecorder(ILiveEvents bus, IServiceScopeFactory scopes, TimeProvider clock, WebhookSignal signal, ILogger<WebhookRecorder> log) : BackgroundService
{
    private readonly Channel<OknoEvent> _queue = Channel.CreateUnbounded<OknoEvent>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = bus.SubscribeOrigin(e =>
        {
            if (WebhookPayloads.TypeOf(e) is not null) _queue.Writer.TryWrite(e);
        });
        await foreach (var e in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try { await RecordAsync(e, stoppingToken); }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested) { log.LogError(ex, "Recording a webhook event failed"); }
        }
    }

    /// <summary>Writes the deliveries of one event; returns how many.</summary>
    public async Task<int> RecordAsync(OknoEvent e, CancellationToken ct)
    {
        if (WebhookPayloads.TypeOf(e) is not { } type) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var endpoints = (await db.WebhookEndpoints.AsNoTracking().Where(x => x.Enabled).ToListAsync(ct)).Where(x => x.Wants(type)).ToList();
        if (endpoints.Count == 0) return 0;
        var payloads = scope.ServiceProvider.GetRequiredService<WebhookPayloads>();
        var now = clock.GetUtcNow();
        var bodies = new Dictionary<bool, string?>();
        var count = 0;
        foreach (var endpoint in endpoints)
        {
            if (!bodies.TryGetValue(endpoint.IncludePhones, out var body))
            {
                var data = await payloads.DataAsync(e, WebhookPayloads.Viewer(endpoint.IncludePhones), ct);
                body = data is null ? null : System.Text.Json.JsonSerializer.Serialize(new { type, timestamp = now, data }, WebhookPayloads.Json);
                bodies[endpoint.IncludePhones] = body;
            }
            if (body is null) continue;
            db.WebhookDeliveries.Add(new WebhookDelivery(endpoint.Id, WebhookSignature.NewWebhookId(), type, body, now));
            count++;
        }
        if (count == 0) return 0;
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return count;
    }
}

/// <summary>Wakes the delivery worker right after deliveries are recorded.</summary>
public sealed class WebhookSignal
{
    private readonly SemaphoreSlim _gate = new(0, 1);

    public void Notify()
    {
        try { _gate.Release(); }
        catch (SemaphoreFullException) { /* already signalled */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _gate.WaitAsync(timeout, ct);
}
