using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Okno.Core.Data;
using Okno.Core.Events;

namespace Okno.Core.Reports;

/// <summary>
/// Keeps <see cref="RequestMetrics"/> in step, after commit and off the ingest path: every event this node publishes
/// about a request (a message, a hand-off, a resolve, a reopen, an assignment, an SLA breach, a merge) marks it in
/// <see cref="RequestMetricsQueue"/>; this worker recomputes marked requests in batches. At start it first finds the
/// requests whose row is missing, of an older calculation, or behind their history (the newest message id differs:
/// events lost in a crash, retention, rows from before this table) and recomputes them — the backfill.
/// </summary>
public sealed class RequestMetricsWorker : BackgroundService
{
    public const int Batch = 200;
    private readonly IServiceScopeFactory _scopes;
    private readonly RequestMetricsQueue _queue;
    private readonly ILogger<RequestMetricsWorker> _log;
    private readonly IDisposable _subscription;

    public RequestMetricsWorker(IServiceScopeFactory scopes, RequestMetricsQueue queue, ILiveEvents events, ILogger<RequestMetricsWorker> log)
    {
        _scopes = scopes;
        _queue = queue;
        _log = log;
        // Origin only: with several nodes the node that made the change recomputes it, once.
        _subscription = events.SubscribeOrigin(OnEvent);
    }

    /// <summary>True once the start-up check has queued everything it found.</summary>
    public bool BackfillDone { get; private set; }

    private void OnEvent(OknoEvent e)
    {
        switch (e)
        {
            case MessageCreated m: _queue.Mark(m.ConversationId); break;
            case ConversationUpdated u: _queue.Mark(u.ConversationId); break;
            case ConversationOpened o: _queue.Mark(o.ConversationId); break;
            case Desk.ConversationAssigned a: _queue.Mark(a.ConversationId); break;
            case Desk.SlaAtRisk r: _queue.Mark(r.ConversationId); break;
            case Desk.SlaBreached b: _queue.Mark(b.ConversationId); break;
            case ContactsMerged merged: _queue.MarkContact(merged.SurvivorId); break;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await CheckAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
        {
            _log.LogError(ex, "Request metrics: the start-up check failed; changes from now on are still measured");
        }
        BackfillDone = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_queue.Pending == 0 && !await _queue.WaitAsync(stoppingToken)) break;
                _queue.Consume();
                await DrainAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>Recomputes everything marked so far. Failed ids go back to the queue for the next signal.</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        while (_queue.Pending > 0)
        {
            var ids = _queue.TakeConversations(Batch);
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
                var contacts = _queue.TakeContacts(Batch);
                if (contacts.Count > 0)
                    ids.AddRange(await db.Conversations.Where(c => contacts.Contains(c.ContactId)).Select(c => c.Id).ToListAsync(ct));
                await scope.ServiceProvider.GetRequiredService<RequestMetricsUpdater>().RecomputeAsync(ids, ct);
            }
            catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException && !ct.IsCancellationRequested)
            {
                _log.LogError(ex, "Request metrics: recomputing {Count} requests failed; they are tried again on the next change", ids.Count);
                foreach (var id in ids) _queue.Mark(id);
                return;
            }
        }
    }

    /// <summary>
    /// The start-up check (also the backfill): recomputes every request whose row is missing, of an older calculation or
    /// behind its history. Returns how many it recomputed.
    /// </summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        long after = 0;
        var total = 0;
        while (true)
        {
            List<long> stale;
            await using (var scope = _scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
                var page = await db.Conversations.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(1000)
                    .Select(c => new
                    {
                        c.Id,
                        Last = db.Messages.Where(m => m.ConversationId == c.Id).Max(m => (long?)m.Id) ?? 0,
                        Row = db.RequestMetrics.Where(r => r.ConversationId == c.Id).Select(r => new { r.Version, r.LastMessageId }).FirstOrDefault(),
                    })
                    .ToListAsync(ct);
                if (page.Count == 0) break;
                after = page[^1].Id;
                stale = page.Where(p => p.Row is null || p.Row.Version != RequestMetrics.CurrentVersion || p.Row.LastMessageId != p.Last).Select(p => p.Id).ToList();
            }
            foreach (var chunk in stale.Chunk(Batch))
            {
                await using var scope = _scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RequestMetricsUpdater>().RecomputeAsync(chunk, ct);
            }
            total += stale.Count;
        }
        if (total > 0) _log.LogInformation("Request metrics: {Count} requests measured at start", total);
        return total;
    }

    public override void Dispose()
    {
        _subscription.Dispose();
        base.Dispose();
    }
}
