using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Okno.Core.Data;

namespace Okno.Core.Messages;

/// <summary>
/// Picks due outbox rows and works them. Rows are claimed with a conditional update (claimed-until), so several
/// nodes can run this side by side, and a crashed worker's claim simply expires and the row is retried.
/// </summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, ILogger<OutboxWorker> log, OutboxOptions options) : BackgroundService
{
    public static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>Sends (the default) or media downloads: each lane has its own worker.</summary>
    public OutboxLane Lane { get; init; } = OutboxLane.Sends;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var worked = await RunOnceAsync(stoppingToken);
                if (worked == 0) await signal.WaitAsync(Lane, Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Outbox pass failed");
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// One pass: picks due rows and works them — rows of one conversation in order, different conversations in
    /// parallel, so a slow platform or a paced number does not hold up everyone else. Returns how many it worked.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var media = Lane == OutboxLane.Media;
        List<(long Id, long ConversationId)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            due = (await db.Outbox.AsNoTracking()
                .Where(o => o.DueAt <= now && (o.ClaimedUntil == null || o.ClaimedUntil < now))
                .Where(o => (o.Kind == OutboxKind.DownloadMedia) == media)
                .OrderBy(o => o.DueAt).ThenBy(o => o.Id).Take(64)
                .Select(o => new { o.Id, o.Message!.ConversationId }).ToListAsync(ct))
                .Select(x => (x.Id, x.ConversationId)).ToList();
        }

        var lanes = due.GroupBy(d => d.ConversationId).Select(g => g.Select(d => d.Id).ToList()).ToList();
        var worked = 0;
        await Parallel.ForEachAsync(lanes, new ParallelOptions { MaxDegreeOfParallelism = MaxParallel, CancellationToken = ct }, async (lane, token) =>
        {
            foreach (var id in lane)
                if (await WorkAsync(id, now, token)) Interlocked.Increment(ref worked);
        });
        return worked;
    }

    public const int MaxParallel = 8;

    private async Task<bool> WorkAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var until = now + options.Claim;
        var claimed = await db.Outbox
            .Where(o => o.Id == id && (o.ClaimedUntil == null || o.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedUntil, until), ct);
        if (claimed != 1) return false; // another node took it
        var item = await db.Outbox.FirstAsync(o => o.Id == id, ct);
        try
        {
            var handler = scope.ServiceProvider.GetRequiredService<OutboxHandler>();
            await handler.HandleAsync(item, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            log.LogError(ex, "Outbox item {OutboxId} failed unexpectedly", id);
            db.ChangeTracker.Clear();
            var fresh = await db.Outbox.FirstAsync(o => o.Id == id, ct);
            fresh.RetryAt(clock.GetUtcNow() + OutboxItem.Backoff(fresh.Attempts + 1), ex.GetType().Name);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }
}
