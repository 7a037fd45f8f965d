using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Okno.Core.Reports;

/// <summary>
/// Requests whose numbers are out of date, waiting for <see cref="RequestMetricsWorker"/>. In memory: marking is a
/// dictionary write (nothing on the ingest's path waits for it); what a crash loses the start-up check finds again.
/// </summary>
public sealed class RequestMetricsQueue
{
    private readonly ConcurrentDictionary<long, byte> _conversations = new();
    private readonly ConcurrentDictionary<long, byte> _contacts = new();
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Mark(long conversationId)
    {
        _conversations.TryAdd(conversationId, 0);
        _signal.Writer.TryWrite(true);
    }

    /// <summary>Every request of a contact (after a merge moved requests to it).</summary>
    public void MarkContact(long contactId)
    {
        _contacts.TryAdd(contactId, 0);
        _signal.Writer.TryWrite(true);
    }

    public int Pending => _conversations.Count + _contacts.Count;

    internal ValueTask<bool> WaitAsync(CancellationToken ct) => _signal.Reader.WaitToReadAsync(ct);

    internal void Consume() => _signal.Reader.TryRead(out _);

    internal List<long> TakeConversations(int max) => Take(_conversations, max);

    internal List<long> TakeContacts(int max) => Take(_contacts, max);

    private static List<long> Take(ConcurrentDictionary<long, byte> set, int max)
    {
        var ids = new List<long>();
        foreach (var id in set.Keys)
        {
            if (ids.Count >= max) break;
            if (set.TryRemove(id, out _)) ids.Add(id);
        }
        return ids;
    }
}
