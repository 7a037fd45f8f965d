using Okno.Core.Audit;
using Okno.Core.Leases;

namespace Okno.Web.Audit;

/// <summary>
/// Once a day, on the one node holding the "audit-head" lease: the signed head (and the hashes since the last export)
/// is written to Okno:Audit:HeadExportPath. Off when the path is not set.
/// </summary>
public sealed class AuditHeadScheduler(AuditHeadExport export, LeasedLoop leased, TimeProvider clock, ILogger<AuditHeadScheduler> log) : BackgroundService
{
    public const string LeaseName = "audit-head";
    public static readonly TimeSpan Every = TimeSpan.FromDays(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        export.Enabled ? leased.RunAsync(LeaseName, LoopAsync, stoppingToken) : Task.CompletedTask;

    private async Task LoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await export.ExportAsync(ct) is { } file) log.LogInformation("Audit head exported: entries {From}–{Last}", file.FromId, file.LastId);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or System.Data.Common.DbException)
            {
                log.LogError(ex, "Audit head export failed; retried at the next daily run");
            }
            await Task.Delay(Every, clock, ct);
        }
    }
}
