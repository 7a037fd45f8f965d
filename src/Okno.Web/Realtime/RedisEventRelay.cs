using System.Text.Json;
using Okno.Core.Events;
using Okno.Core.Leases;
using StackExchange.Redis;

namespace Okno.Web.Realtime;

/// <summary>
/// With Okno:Redis set, carries the live-event stream between nodes: every event published here goes out on one
/// Redis channel with this node's id, and every event another node published comes in and reaches this node's
/// subscribers — the hub's connections and the operator app's circuits alike. Events carry ids, never texts.
/// </summary>
public sealed class RedisEventRelay(EventBus bus, NodeIdentity node, string configuration, ILogger<RedisEventRelay> log)
    : IHostedService, ILiveEventRelay, IAsyncDisposable
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("okno:live-events");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private ConnectionMultiplexer? _redis;
    private ISubscriber? _subscriber;

    private sealed record Envelope(string Origin, OknoEvent Event);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false; // Redis down at start: keep trying in the background, as the backplane did
        _redis = await ConnectionMultiplexer.ConnectAsync(options);
        _subscriber = _redis.GetSubscriber();
        var queue = await _subscriber.SubscribeAsync(Channel);
        queue.OnMessage(message => Receive(message.Message));
        bus.AttachRelay(this);
    }

    private void Receive(RedisValue value)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>((string)value!, Json);
            if (envelope is null || envelope.Origin == node.Id) return; // our own: delivered locally already
            bus.DeliverFromOtherNode(envelope.Event);
        }
        catch (JsonException ex)
        {
            log.LogWarning("A live event from Redis could not be read ({Error})", ex.GetType().Name);
        }
    }

    public void Send(OknoEvent e)
    {
        if (_subscriber is null) return;
        var body = JsonSerializer.Serialize(new Envelope(node.Id, e), Json);
        _subscriber.PublishAsync(Channel, body, CommandFlags.FireAndForget);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null) await _redis.DisposeAsync();
    }
}
