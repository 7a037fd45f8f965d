using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.GreenApi;

public sealed partial class GreenApiConnector
{
    /// <summary>How long a known instance state is trusted before a send asks Green-API again.</summary>
    public static readonly TimeSpan StateFreshFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, (string State, DateTimeOffset At)> _lastState = new();

    private void RememberState(Guid channelId, string? state)
    {
        if (state is not null) _lastState[channelId] = (state, clock.GetUtcNow());
    }

    /// <summary>
    /// Ban safety: a number that is blocked or on a yellow card gets nothing more to send — Green-API would only queue
    /// it, and more traffic from a flagged number makes a ban likelier. The operator answers through another channel.
    /// </summary>
    private async Task<DeliveryResult?> RefuseWhileBlockedAsync(HttpClient client, ChannelContext channel, CancellationToken ct)
    {
        if (!_lastState.TryGetValue(channel.Id, out var known) || clock.GetUtcNow() - known.At > StateFreshFor)
        {
            try
            {
                using var response = await client.GetAsync(MethodUrl(ApiBase(channel), channel, "getStateInstance"), ct);
                if (response.IsSuccessStatusCode)
                {
                    var root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                    RememberState(channel.Id, root.Str("stateInstance"));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException) { /* unknown: let the send itself find out */ }
        }
        if (!_lastState.TryGetValue(channel.Id, out known)) return null;
        var (status, reason) = MapState(known.State);
        return status == ChannelStatus.Blocked ? DeliveryResult.Failed("Сообщение не отправлено: " + reason, ChannelStatus.Blocked) : null;
    }
}
