using System.Text.Json;
using Okno.Core.Channels;

namespace Okno.Channels.GreenApi;

public sealed partial class GreenApiConnector
{
    public bool WantsPolling(ChannelContext channel) => true;

    /// <summary>
    /// getStateInstance every statePollSeconds (Green-API advises once a minute): a stateInstanceChanged webhook
    /// can be missed, and a number that went blocked must stop being offered for replies.
    /// </summary>
    public async Task PollAsync(ChannelContext channel, IInboundSink sink, IChannelStateStore state, CancellationToken ct)
    {
        var client = http.CreateClient(HttpClientName);
        var interval = StatePollInterval(channel);
        while (!ct.IsCancellationRequested)
        {
            (ChannelStatus? Status, string? Reason) current;
            var asked = clock.GetUtcNow();
            try { current = await GetStateAsync(client, channel, ct); }
            catch (Exception ex) when (ex is HttpRequestException or JsonException || ex is TaskCanceledException && !ct.IsCancellationRequested)
            {
                current = (null, null); // unreachable for now: the state stays as last known
            }
            if (current.Status is { } status)
                await sink.AcceptAsync(channel.Id, [new InboundEvent { Kind = InboundEventKind.ChannelState, ChannelStatus = status, StatusReason = current.Reason, AskedAt = asked }], ct);
            await Task.Delay(interval, ct);
        }
    }
}
