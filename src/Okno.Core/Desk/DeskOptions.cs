namespace Okno.Core.Desk;

/// <summary>Okno:Desk: how presence and the desk's timers behave.</summary>
public sealed class DeskOptions
{
    /// <summary>No input for this long in any tab: away (Okno:Desk:AwayAfter, ISO 8601, default PT10M).</summary>
    public TimeSpan AwayAfter { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>The last tab closed this long ago: offline. A reload or a brief network drop reconnects within it.</summary>
    public TimeSpan OfflineGrace { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>A tab not heard from for this long is gone (its node crashed, say).</summary>
    public TimeSpan ConnectionStale { get; init; } = TimeSpan.FromSeconds(90);
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>SLA "at risk" once this share of the time is spent.</summary>
    public double AtRiskShare { get; init; } = 0.8;
}

/// <summary>Wakes the desk scheduler at once (a new request, a team change, someone came online).</summary>
public sealed class DeskSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Poke()
    {
        if (_signal.CurrentCount == 0) { try { _signal.Release(); } catch (SemaphoreFullException) { } }
    }

    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, clock, cts.Token);
        var poke = _signal.WaitAsync(cts.Token);
        await Task.WhenAny(delay, poke);
        await cts.CancelAsync();
    }
}
