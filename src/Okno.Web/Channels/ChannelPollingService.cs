using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Data;
using Okno.Core.Leases;

namespace Okno.Web.Channels;

/// <summary>
/// Runs a poller for every channel whose connector pulls (Telegram in polling mode, IMAP, state checks),
/// and restarts it after a failure. Each channel's poller runs under the lease "poll:{channelId}": on several nodes
/// exactly one node polls a channel, and another takes over when that node stops renewing (docs/decisions/0015).
/// </summary>
public sealed class ChannelPollingService(IServiceScopeFactory scopes, ChannelDirectory directory, ChannelConnectors connectors,
    IInboundSink sink, LeasedLoop leased, ILogger<ChannelPollingService> log) : BackgroundService
{
    private readonly Dictionary<Guid, (CancellationTokenSource Cts, Task Task)> _running = [];
    private readonly SemaphoreSlim _refresh = new(0);

    public void Refresh() => _refresh.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await SyncAsync(stoppingToken); }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested) { log.LogError(ex, "Poller sync failed"); }
            try { await _refresh.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
        foreach (var (cts, _) in _running.Values) await cts.CancelAsync();
        await Task.WhenAll(_running.Values.Select(r => r.Task)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task SyncAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var accounts = await db.ChannelAccounts.AsNoTracking().Where(a => !a.IsDeleted).ToListAsync(ct);
        var wanted = new HashSet<Guid>();
        foreach (var account in accounts)
        {
            if (!connectors.Supports(account.Kind) || connectors.For(account.Kind) is not IPollingConnector poller) continue;
            var entry = directory.ToEntry(account);
            if (!poller.WantsPolling(entry.Context)) continue;
            wanted.Add(account.Id);
            if (_running.TryGetValue(account.Id, out var r) && !r.Task.IsCompleted) continue;
            var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            _running[account.Id] = (cts, RunAsync(poller, entry.Context, cts.Token));
        }
        foreach (var id in _running.Keys.Where(k => !wanted.Contains(k)).ToList())
        {
            await _running[id].Cts.CancelAsync();
            _running.Remove(id);
        }
    }

    public static string LeaseName(Guid channelId) => $"poll:{channelId}";

    private async Task RunAsync(IPollingConnector poller, ChannelContext channel, CancellationToken ct)
    {
        await Task.Yield();
        try { await leased.RunAsync(LeaseName(channel.Id), held => PollWhileHeldAsync(poller, channel, held), ct); }
        catch (Exception ex) when (!ct.IsCancellationRequested) { log.LogError(ex, "Poller lease loop for channel {ChannelId} failed", channel.Id); }
    }

    private async Task PollWhileHeldAsync(IPollingConnector poller, ChannelContext channel, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var state = scope.ServiceProvider.GetRequiredService<IChannelStateStore>();
                await poller.PollAsync(channel, sink, state, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                log.LogWarning("Poller for channel {ChannelId} stopped ({Error}); restarting", channel.Id, ex.GetType().Name);
                try { await Task.Delay(TimeSpan.FromSeconds(5), ct); } catch (OperationCanceledException) { return; }
            }
        }
    }
}
