using Okno.Simulators;

namespace Okno.Web.Demo;

/// <summary>What demo mode is running now: the stand-ins and the demo channels; stopped when demo data is removed.</summary>
public sealed class DemoRuntime : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public SimulatorHost? Sim { get; set; }
    public IReadOnlyList<DemoChannel> Channels { get; set; } = [];
    public CancellationToken Stopping => _stop.Token;

    /// <summary>Stops the simulated clients (demo data is being removed).</summary>
    public void Stop() => _stop.Cancel();

    public void Dispose() => _stop.Dispose();
}
