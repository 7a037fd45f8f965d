using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;

namespace Okno.Web.Rules;

/// <summary>
/// Runs due rule jobs. Rows are claimed with a conditional update (claimed-until) like the outbox and the webhook
/// deliveries, so several nodes work side by side and a crashed node's claim simply expires. Jobs of one
/// conversation run in order, one at a time.
/// </summary>
public sealed class RuleWorker(IServiceScopeFactory scopes, RuleSignal signal, TimeProvider clock, ILogger<RuleWorker> log) : BackgroundService
{
    public static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

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
                log.LogError(ex, "Rules pass failed");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One pass over due jobs, oldest first; returns how many it ran.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            due = await db.RuleJobs.AsNoTracking().Where(j => !j.Done && j.DueAt <= now && (j.ClaimedUntil == null || j.ClaimedUntil < now))
                .OrderBy(j => j.Id).Take(32).Select(j => j.Id).ToListAsync(ct);
        }
        var worked = 0;
        foreach (var id in due)
            if (await WorkAsync(id, now, ct)) worked++;
        return worked;
    }

    private async Task<bool> WorkAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var until = now + Claim;
        var claimed = await db.RuleJobs.Where(j => j.Id == id && !j.Done && (j.ClaimedUntil == null || j.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.ClaimedUntil, until), ct);
        if (claimed != 1) return false; // another node took it
        var job = await db.RuleJobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
        string? fault = null;
        try
        {
            await scope.ServiceProvider.GetRequiredService<RuleRunner>().RunAsync(job, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            fault = ex.GetType().Name;
            log.LogWarning("Rule job {JobId} failed ({Error}); it is tried again", id, fault);
        }
        db.ChangeTracker.Clear();
        var row = await db.RuleJobs.FirstAsync(j => j.Id == id, ct);
        if (fault is null) row.Finish();
        else row.Fail(fault, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }
}
