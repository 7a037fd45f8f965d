using Microsoft.Extensions.Logging;

namespace Okno.Core.Leases;

/// <summary>
/// Runs a piece of work only while this node holds its lease: waits for the lease, starts the work, renews the lease
/// every <see cref="LeaseOptions.RenewEvery"/>, and cancels the work the moment a renewal fails (another node may take
/// over once the lease expires). On stop it gives the lease back. Every poller and scheduler goes through here.
/// </summary>
public sealed class LeasedLoop(LeaseStore leases, LeaseOptions options, TimeProvider clock, ILogger<LeasedLoop> log)
{
    public async Task RunAsync(string name, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (!await TryAcquireAsync(name, ct))
            {
                try { await Task.Delay(options.RenewEvery, clock, ct); } catch (OperationCanceledException) { return; }
                continue;
            }
            log.LogInformation("Node {Node} took lease {Lease}", leases.NodeId, name);
            using var held = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var running = RunWorkAsync(work, held.Token);
            while (!running.IsCompleted)
            {
                var tick = Task.Delay(options.RenewEvery, clock, held.Token);
                await Task.WhenAny(running, tick);
                if (running.IsCompleted || ct.IsCancellationRequested) break;
                if (await TryAcquireAsync(name, ct)) continue;
                log.LogWarning("Node {Node} lost lease {Lease}; stopping its work", leases.NodeId, name);
                break;
            }
            await held.CancelAsync();
            await running;
            if (ct.IsCancellationRequested)
            {
                try { await leases.ReleaseAsync(name, CancellationToken.None); }
                catch (Exception ex) { log.LogWarning("Lease {Lease} not given back ({Error}); it expires by itself", name, ex.GetType().Name); }
                return;
            }
        }
    }

    private async Task<bool> TryAcquireAsync(string name, CancellationToken ct)
    {
        try { return await leases.TryAcquireAsync(name, ct); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { return false; }
        catch (Exception ex)
        {
            log.LogWarning("Lease {Lease} could not be taken or renewed ({Error})", name, ex.GetType().Name);
            return false;
        }
    }

    private static async Task RunWorkAsync(Func<CancellationToken, Task> work, CancellationToken ct)
    {
        await Task.Yield();
        try { await work(ct); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }
}
