using System.Collections.Concurrent;

namespace Okno.Channels.Common;

/// <summary>
/// Ids of messages this node has just sent, for a few minutes. A gateway's echo of our own send can arrive before the
/// outbox has stored the id it got back; an echo whose id is here is ours and is not stored as a second message.
/// (Later echoes are recognised by the stored id itself.)
/// </summary>
public sealed class RecentSends(TimeProvider clock)
{
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ids = new();
    private long _added;

    public void Add(string? externalId)
    {
        if (externalId is null) return;
        var now = clock.GetUtcNow();
        _ids[externalId] = now;
        if (Interlocked.Increment(ref _added) % 256 == 0)
            foreach (var (id, at) in _ids)
                if (now - at > Keep) _ids.TryRemove(id, out _);
    }

    public bool Contains(string? externalId) =>
        externalId is not null && _ids.TryGetValue(externalId, out var at) && clock.GetUtcNow() - at <= Keep;
}
