using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.OutgoingWebhooks;

namespace Okno.Web.OutgoingWebhooks;

/// <summary>
/// Sends due deliveries. Rows are claimed with a conditional update (claimed-until) like the message outbox, so
/// several nodes run this side by side and a crashed node's claim simply expires and the delivery is tried again.
/// </summary>
public sealed class WebhookWorker(IServiceScopeFactory scopes, WebhookSignal signal, TimeProvider clock, ILogger<WebhookWorker> log) : BackgroundService
{
    public static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    public const int MaxParallel = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) == 0) await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Webhook delivery pass failed");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One pass over the due deliveries of enabled endpoints; returns how many it sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            due = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.DueAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
                .Where(d => db.WebhookEndpoints.Any(e => e.Id == d.EndpointId && e.Enabled))
                .OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(32).Select(d => d.Id).ToListAsync(ct);
        }
        var worked = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = MaxParallel, CancellationToken = ct }, async (id, token) =>
        {
            if (await WorkAsync(id, now, token)) Interlocked.Increment(ref worked);
        });
        return worked;
    }

    private async Task<bool> WorkAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var until = now + Claim;
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == id && d.Status == WebhookDeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, until), ct);
        if (claimed != 1) return false; // another node took it
        var delivery = await db.WebhookDeliveries.FirstAsync(d => d.Id == id, ct);
        await scope.ServiceProvider.GetRequiredService<WebhookSender>().SendAsync(delivery, ct);
        return true;
    }
}
