using System.Collections.Concurrent;

namespace Okno.Channels.GreenApi;

/// <summary>
/// One gate per number: sends through a grey number are spaced by at least the channel's interval, so the number
/// looks like a person typing, not a bot. A send that would wait too long is handed back to the outbox for later.
/// </summary>
public sealed class GreenApiPace(TimeProvider clock)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _next = new();
    private readonly Lock _lock = new();

    /// <returns>null once it is this send's turn; otherwise how long to come back after.</returns>
    public async Task<TimeSpan?> WaitTurnAsync(Guid channelId, TimeSpan interval, CancellationToken ct)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var slot = _next.TryGetValue(channelId, out var next) && next > now ? next : now;
            wait = slot - now;
            if (wait > MaxWait) return wait;
            _next[channelId] = slot + interval;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, ct);
        return null;
    }
}
