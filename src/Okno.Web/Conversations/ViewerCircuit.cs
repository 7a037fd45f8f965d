using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Okno.Web.Conversations;

/// <summary>
/// The conversations one operator-app tab (Blazor circuit) is showing. When the tab's connection goes (the tab closed,
/// the laptop slept), its viewers leave at once — not minutes later when the circuit is finally disposed — and come
/// back if the same tab reconnects.
/// </summary>
public sealed class ViewerCircuit(ConversationViewers viewers) : CircuitHandler
{
    private readonly Dictionary<Guid, (long ConversationId, long UserId, string Name)> _shown = [];
    private readonly Lock _gate = new();

    public void Show(Guid viewer, long conversationId, long userId, string name)
    {
        lock (_gate) _shown[viewer] = (conversationId, userId, name);
        viewers.Show(viewer, conversationId, userId, name);
    }

    public void Leave(Guid viewer)
    {
        lock (_gate) _shown.Remove(viewer);
        viewers.Leave(viewer);
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        List<Guid> gone;
        lock (_gate) gone = [.. _shown.Keys];
        foreach (var v in gone) viewers.Leave(v);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        List<KeyValuePair<Guid, (long ConversationId, long UserId, string Name)>> back;
        lock (_gate) back = [.. _shown];
        foreach (var (v, s) in back) viewers.Show(v, s.ConversationId, s.UserId, s.Name);
        return Task.CompletedTask;
    }
}
