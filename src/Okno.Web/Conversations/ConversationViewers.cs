using System.Collections.Concurrent;

namespace Okno.Web.Conversations;

/// <summary>
/// Who has which conversation open right now ("Ольга смотрит это обращение"), so two operators do not answer the
/// same client unknowingly. Per node, in memory: a circuit registers what it shows and leaves when it closes.
/// </summary>
public sealed class ConversationViewers
{
    private readonly ConcurrentDictionary<Guid, (long ConversationId, long UserId, string Name)> _views = new();

    /// <summary>Raised with the conversation whose viewers changed; handlers must return at once.</summary>
    public event Action<long>? Changed;

    public void Show(Guid viewer, long conversationId, long userId, string name)
    {
        var previous = _views.TryGetValue(viewer, out var p) ? p.ConversationId : (long?)null;
        _views[viewer] = (conversationId, userId, name);
        if (previous is { } old && old != conversationId) Changed?.Invoke(old);
        if (previous != conversationId) Changed?.Invoke(conversationId);
    }

    public void Leave(Guid viewer)
    {
        if (_views.TryRemove(viewer, out var v)) Changed?.Invoke(v.ConversationId);
    }

    /// <summary>The names of the other people looking at this conversation.</summary>
    public IReadOnlyList<string> Others(long conversationId, long me) =>
        _views.Values.Where(v => v.ConversationId == conversationId && v.UserId != me).Select(v => v.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
}
