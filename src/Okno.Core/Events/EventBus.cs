namespace Okno.Core.Events;

/// <summary>
/// The one live-event stream: commands publish typed events after commit; the hub (<c>/hubs/inbox</c>) and every
/// operator-app circuit subscribe. With several nodes a relay (Redis, when <c>Okno:Redis</c> is set) carries each
/// event to the other nodes, whose subscribers get it exactly as local ones do.
/// </summary>
public interface ILiveEvents
{
    void Publish(OknoEvent e);
    void PublishAll(IEnumerable<OknoEvent> events);
    /// <summary>Handlers must be quick (queue and return): they run on the publishing thread.</summary>
    IDisposable Subscribe(Action<OknoEvent> handler);
    /// <summary>
    /// Only the events published on this node, not those another node relayed: for work that must happen once per
    /// event however many nodes run (recording outgoing webhooks).
    /// </summary>
    IDisposable SubscribeOrigin(Action<OknoEvent> handler);
}

/// <summary>Carries this node's events to the other nodes (the Redis relay); absent on a single node.</summary>
public interface ILiveEventRelay
{
    void Send(OknoEvent e);
}

/// <summary>The stream's in-process fan-out, with the relay attached when there are other nodes.</summary>
public sealed class EventBus : ILiveEvents
{
    private volatile Action<OknoEvent>[] _subscribers = [];
    private volatile Action<OknoEvent>[] _origin = [];
    private readonly Lock _gate = new();
    private volatile ILiveEventRelay? _relay;

    public void AttachRelay(ILiveEventRelay relay) => _relay = relay;

    public IDisposable Subscribe(Action<OknoEvent> handler)
    {
        lock (_gate) _subscribers = [.. _subscribers, handler];
        return new Subscription(this, handler);
    }

    public IDisposable SubscribeOrigin(Action<OknoEvent> handler)
    {
        lock (_gate) _origin = [.. _origin, handler];
        return new Subscription(this, handler);
    }

    public void Publish(OknoEvent e)
    {
        Deliver(e);
        foreach (var s in _origin) s(e);
        _relay?.Send(e);
    }

    public void PublishAll(IEnumerable<OknoEvent> events)
    {
        foreach (var e in events) Publish(e);
    }

    /// <summary>An event another node published: to this node's subscribers only (never relayed back).</summary>
    public void DeliverFromOtherNode(OknoEvent e) => Deliver(e);

    private void Deliver(OknoEvent e)
    {
        foreach (var s in _subscribers) s(e);
    }

    private void Unsubscribe(Action<OknoEvent> handler)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Where(s => s != handler).ToArray();
            _origin = _origin.Where(s => s != handler).ToArray();
        }
    }

    private sealed class Subscription(EventBus bus, Action<OknoEvent> handler) : IDisposable
    {
        public void Dispose() => bus.Unsubscribe(handler);
    }
}
