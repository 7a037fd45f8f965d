using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Okno.Simulators;
using Okno.Web.Channels;
using Okno.Web.Hosting;

namespace Okno.Web.Demo;

/// <summary>Demo mode: starts the stand-ins on a loopback port, wires the demo channels to them, runs the clients.</summary>
public sealed class DemoRunner(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IServer server, OknoOptions options,
    DemoRuntime runtime, DemoClients clients, ChannelPollingService polling, ILogger<DemoRunner> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try { await started.Task; }
            catch (TaskCanceledException) { return; }
        }

        await using var sim = await SimulatorHost.StartAsync();
        runtime.Sim = sim;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, runtime.Stopping);
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
                runtime.Channels = await scope.ServiceProvider.GetRequiredService<DemoChannels>().EnsureAsync(sim, OwnUrl(), linked.Token);
            polling.Refresh(); // channels that pull (state polls) start now
            log.LogInformation("Demo mode: {Count} demo channels wired to the stand-ins at {SimUrl}", runtime.Channels.Count, sim.BaseUrl);
            await clients.RunAsync(sim, runtime.Channels, linked.Token);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // stopping, or the demo data was removed
        }
        catch (Exception ex)
        {
            // Demo mode is an extra: its failure must never stop the server (a BackgroundService exception would).
            log.LogError(ex, "Demo mode stopped after an error");
        }
    }

    /// <summary>Where the stand-ins post webhooks: our own listening address on loopback (else the public URL).</summary>
    private string OwnUrl()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault();
        if (address is null) return options.PublicUrl ?? "http://127.0.0.1:5000";
        foreach (var any in new[] { "://0.0.0.0", "://[::]", "://+", "://*" })
            address = address.Replace(any, "://127.0.0.1", StringComparison.Ordinal);
        return address.TrimEnd('/');
    }
}
