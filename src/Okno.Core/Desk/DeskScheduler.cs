using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Okno.Core.Data;
using Okno.Core.Events;

namespace Okno.Core.Desk;

/// <summary>
/// The desk's clock (every second, or at once when poked): presence sweep, teams and assignment, auto-transfer,
/// SLA due times and breaches, and queueChanged when a team's queue changed. Passes never overlap; one node runs it
/// (lease "desk-scheduler", decision 0015).
/// </summary>
public sealed class DeskScheduler(IServiceScopeFactory scopes, EventBus bus, TimeProvider clock, DeskOptions options, DeskSignal signal,
    Leases.LeasedLoop leased, ILogger<DeskScheduler> log) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<long, string> _queues = [];

    /// <summary>One node runs the desk (otherwise each node would assign, transfer and report breaches).</summary>
    public const string LeaseName = "desk-scheduler";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leased.RunAsync(LeaseName, RunWhileHeldAsync, stoppingToken);

    private async Task RunWhileHeldAsync(CancellationToken stoppingToken)
    {
        // A client wrote, a request changed hands or status: look at once instead of within the tick.
        using var subscription = bus.Subscribe(e => { if (e is MessageCreated or ConversationUpdated) signal.Poke(); });
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Desk scheduler pass failed");
            }
            await signal.WaitAsync(options.Tick, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass; returns how many requests it assigned or transferred.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        var events = new List<OknoEvent>();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<OknoDbContext>();
            // A request that arrives during the pass is routed by the next one: no queue notice before it has a team.
            var routedUpTo = await db.Conversations.MaxAsync(c => (long?)c.Id, ct) ?? 0;
            await sp.GetRequiredService<PresenceService>().SweepAsync(ct);
            var worked = await sp.GetRequiredService<AutoTransfer>().RunAsync(events, ct);
            worked += await sp.GetRequiredService<DeskRouter>().RunAsync(events, ct);
            await sp.GetRequiredService<SlaClock>().RunAsync(events, ct);
            await sp.GetRequiredService<QueueNotices>().RunAsync(routedUpTo, ct);
            await QueueChangesAsync(db, events, ct);
            return worked;
        }
        finally
        {
            _gate.Release();
            bus.PublishAll(events);
        }
    }

    private async Task QueueChangesAsync(OknoDbContext db, List<OknoEvent> events, CancellationToken ct)
    {
        var now = (await DeskQueue.ListAsync(db, ct)).GroupBy(e => e.TeamId ?? 0)
            .ToDictionary(g => g.Key, g => string.Join(",", g.OrderBy(e => e.Position).Select(e => e.ConversationId)));
        foreach (var team in now.Keys.Union(_queues.Keys))
            if (now.GetValueOrDefault(team) != _queues.GetValueOrDefault(team)) events.Add(new QueueChanged(team == 0 ? null : team));
        _queues = now;
    }
}
