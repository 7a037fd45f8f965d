using Okno.Core.Events;

namespace Okno.Web.Ui;

/// <summary>
/// One subscription to the in-process event bus per circuit. Bus handlers must return at once, so events are
/// handed to the components, which marshal onto their own dispatcher.
/// </summary>
public sealed class InboxFeed : IDisposable
{
    private readonly IDisposable _subscription;

    public InboxFeed(ILiveEvents bus) => _subscription = bus.Subscribe(e => Received?.Invoke(e));

    public event Action<OknoEvent>? Received;

    public void Dispose() => _subscription.Dispose();
}
