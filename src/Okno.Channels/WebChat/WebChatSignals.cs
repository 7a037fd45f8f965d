using System.Collections.Concurrent;

namespace Okno.Channels.WebChat;

/// <summary>
/// In-process fan-out from the web-chat connector to the widgets listening (server-sent events) for one visitor.
/// On several nodes a widget connected elsewhere misses the push and picks the message up on its next poll.
/// </summary>
public sealed class WebChatSignals
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Action<WebChatPush>>> _listeners = new();

    public IDisposable Listen(Guid channelId, string visitorId, Action<WebChatPush> handler)
    {
        var key = Key(channelId, visitorId);
        var id = Guid.NewGuid();
        _listeners.GetOrAdd(key, _ => new ConcurrentDictionary<Guid, Action<WebChatPush>>())[id] = handler;
        return new Subscription(() =>
        {
            if (_listeners.TryGetValue(key, out var set))
            {
                set.TryRemove(id, out _);
                if (set.IsEmpty) _listeners.TryRemove(new KeyValuePair<string, ConcurrentDictionary<Guid, Action<WebChatPush>>>(key, set));
            }
        });
    }

    public void Publish(Guid channelId, string visitorId, WebChatPush push)
    {
        if (!_listeners.TryGetValue(Key(channelId, visitorId), out var set)) return;
        foreach (var handler in set.Values) handler(push);
    }

    public int ListenerCount => _listeners.Values.Sum(s => s.Count);

    private static string Key(Guid channelId, string visitorId) => $"{channelId:N}/{visitorId}";

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
