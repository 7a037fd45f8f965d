using Microsoft.AspNetCore.Components.Server.Circuits;
using Okno.Core.Desk;

namespace Okno.Web.Desk;

/// <summary>
/// The operator app's tab as a presence connection: the Blazor circuit's connection is the tab's link (the same role a
/// hub connection plays for other clients). Up: a connection row; heartbeats carry the idle seconds the page measured;
/// down (tab closed, network gone): the row goes, and offline follows after Okno:Desk:OfflineGrace unless the tab
/// reconnects in time — so a reload or a short drop does not flip the status.
/// </summary>
public sealed class PresenceCircuit(IServiceScopeFactory scopes, ILogger<PresenceCircuit> log) : CircuitHandler
{
    private readonly string _connectionId = "circuit:" + Guid.NewGuid().ToString("N");
    private long? _userId;
    private bool _up = true;

    /// <summary>The layout calls this once it knows who is signed in.</summary>
    public Task StartAsync(long userId)
    {
        if (_userId is not null) return Task.CompletedTask;
        _userId = userId;
        return RunAsync((p, id) => p.ConnectedAsync(id, _connectionId, CancellationToken.None));
    }

    public Task HeartbeatAsync(int idleSeconds) =>
        _up ? RunAsync((p, id) => p.HeartbeatAsync(id, _connectionId, idleSeconds, CancellationToken.None)) : Task.CompletedTask;

    /// <summary>The rail's switch. «В сети» is automatic again (idle → away, last tab closed → offline); away and offline hold.</summary>
    public async Task<UserPresence?> SetAsync(PresenceStatus status)
    {
        if (_userId is not { } id) return null;
        await using var scope = scopes.CreateAsyncScope();
        var presence = scope.ServiceProvider.GetRequiredService<PresenceService>();
        var row = await presence.SetAsync(id, status, held: status != PresenceStatus.Online, CancellationToken.None);
        if (status == PresenceStatus.Online) await presence.HeartbeatAsync(id, _connectionId, 0, CancellationToken.None);
        return row;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _up = false;
        return RunAsync((p, id) => p.DisconnectedAsync(id, _connectionId, CancellationToken.None));
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_up) return Task.CompletedTask; // the first connection: StartAsync registers it
        _up = true;
        return RunAsync((p, id) => p.ConnectedAsync(id, _connectionId, CancellationToken.None));
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) =>
        _up ? RunAsync((p, id) => p.DisconnectedAsync(id, _connectionId, CancellationToken.None)) : Task.CompletedTask;

    /// <summary>Presence must never break the tab.</summary>
    private async Task RunAsync(Func<PresenceService, long, Task> work)
    {
        if (_userId is not { } id) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await work(scope.ServiceProvider.GetRequiredService<PresenceService>(), id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("Presence update failed: {Error}", ex.GetType().Name);
        }
    }
}
