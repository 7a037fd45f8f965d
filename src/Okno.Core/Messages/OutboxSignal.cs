namespace Okno.Core.Messages;

/// <summary>Wakes the outbox workers (sends and media downloads) right after a commit instead of waiting for their next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _sends = new(0, 1);
    private readonly SemaphoreSlim _media = new(0, 1);

    public void Notify()
    {
        Release(_sends);
        Release(_media);
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _sends.WaitAsync(timeout, ct);

    public Task<bool> WaitAsync(OutboxLane lane, TimeSpan timeout, CancellationToken ct) =>
        (lane == OutboxLane.Media ? _media : _sends).WaitAsync(timeout, ct);

    private static void Release(SemaphoreSlim s)
    {
        try { s.Release(); }
        catch (SemaphoreFullException) { /* already signalled */ }
    }
}
