using Okno.Core.Audit;
using Okno.Core.Leases;
using Okno.Core.Retention;

namespace Okno.Web.Retention;

/// <summary>Okno:Retention:RunDaily (default true): whether the daily run happens by itself.</summary>
public sealed record RetentionSchedule(bool RunDaily);

/// <summary>Once a day, on the one node holding the "retention" lease: the rules are applied and the run is audited.</summary>
public sealed class RetentionScheduler(IServiceScopeFactory scopes, LeasedLoop leased, TimeProvider clock, RetentionSchedule schedule, ILogger<RetentionScheduler> log) : BackgroundService
{
    public const string LeaseName = "retention";
    public static readonly TimeSpan Every = TimeSpan.FromDays(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        schedule.RunDaily ? leased.RunAsync(LeaseName, LoopAsync, stoppingToken) : Task.CompletedTask;

    private async Task LoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var plan = await scope.ServiceProvider.GetRequiredService<RetentionRun>().ApplyAsync(ct);
                if (plan.Items.Count > 0) await RetentionAudit.RanAsync(scope.ServiceProvider.GetRequiredService<AuditLog>(), plan, null, null, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                log.LogError(ex, "Retention run failed; retried at the next daily run");
            }
            await Task.Delay(Every, clock, ct);
        }
    }
}
