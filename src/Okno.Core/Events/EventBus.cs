namespace Okno.Core.Events;

/// <summary>
/// In-process fan-out of events after commit. Subscribers must be quick (queue and return);
/// across nodes, the SignalR backplane carries what the hub sends.
/// </summary>
public sealed class EventBus
{
    private volatile Action<OknoEvent>[] _subscribers = [];
    private readonly Lock _gate = new();

    public IDisposable Subscribe(Action<OknoEvent> handler)
    {
        lock (_gate) _subscribers = [.. _subscribers, handler];
        return new Subscription(this, handler);
    }

    public void Publish(OknoEvent e)
    {
        foreach (var s in _subscribers) s(e);
    }

    public void PublishAll(IEnumerable<OknoEvent> events)
    {
        foreach (var e in events) Publish(e);
    }

    private void Unsubscribe(Action<OknoEvent> handler)
    {
        lock (_gate) _subscribers = _subscribers.Where(s => s != handler).ToArray();
    }

    private sealed class Subscription(EventBus bus, Action<OknoEvent> handler) : IDisposable
    {
        public void Dispose() => bus.Unsubscribe(handler);
    }
}
