using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Okno.Bench.Load;

/// <summary>
/// N operator clients on /hubs/inbox. Each records (messageId, arrival timestamp) of every messageCreated;
/// the first one also records the conversation, so the bench can map messageId → ExternalId after the run
/// (one GET per conversation, after the measured window — nothing is fetched while measuring).
/// </summary>
public sealed class Operators : IAsyncDisposable
{
    public sealed record MessageCreatedEvent(long ConversationId, long MessageId, long ContactId, string Direction);

    private readonly List<HubConnection> _connections = [];
    private readonly List<List<(long MessageId, long At)>> _arrivals = [];
    private readonly Dictionary<long, long> _conversationOf = [];

    public int Connected => _connections.Count(c => c.State == HubConnectionState.Connected);
    public IReadOnlyList<List<(long MessageId, long At)>> Arrivals => _arrivals;
    /// <summary>The conversations seen so far (a copy: events may still be arriving).</summary>
    public List<long> Conversations()
    {
        lock (_conversationOf) return _conversationOf.Values.Distinct().ToList();
    }

    public static async Task<Operators> ConnectAsync(string baseUrl, string token, int count)
    {
        var ops = new Operators();
        for (var i = 0; i < count; i++)
        {
            var list = new List<(long, long)>(1 << 14);
            ops._arrivals.Add(list);
            var first = i == 0;
            var connection = new HubConnectionBuilder()
                .WithUrl(baseUrl + "/hubs/inbox", o =>
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                })
                .Build();
            connection.On<MessageCreatedEvent>("messageCreated", e =>
            {
                var at = Stopwatch.GetTimestamp();
                lock (list) list.Add((e.MessageId, at));
                if (first) lock (ops._conversationOf) ops._conversationOf[e.MessageId] = e.ConversationId;
            });
            ops._connections.Add(connection);
        }
        foreach (var batch in ops._connections.Chunk(20)) await Task.WhenAll(batch.Select(c => c.StartAsync()));
        return ops;
    }

    /// <summary>Forgets what arrived so far (after the warm-up).</summary>
    public void Reset()
    {
        foreach (var list in _arrivals) lock (list) list.Clear();
        lock (_conversationOf) _conversationOf.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var batch in _connections.Chunk(50)) await Task.WhenAll(batch.Select(async c => await c.DisposeAsync()));
    }
}
