using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Telegram;

public sealed partial class TelegramConnector
{
    public static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(25);

    public bool WantsPolling(ChannelContext channel) => IsPolling(channel);

    /// <summary>
    /// getUpdates with a durable offset: the offset moves only after the updates are committed, so a crash
    /// re-reads them, and their update ids make the re-read a no-op.
    /// </summary>
    public async Task PollAsync(ChannelContext channel, IInboundSink sink, IChannelStateStore state, CancellationToken ct)
    {
        var client = http.CreateClient("telegram-polling");
        var offset = long.TryParse(await state.GetAsync(channel.Id, "offset", ct), out var o) ? o : 0;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            JsonElement root;
            try
            {
                var body = new JsonObject { ["offset"] = offset, ["timeout"] = (int)LongPoll.TotalSeconds, ["allowed_updates"] = new JsonArray("message", "edited_message") };
                using var response = await client.PostAsJsonAsync(MethodUrl(channel, "getUpdates"), body, ct);
                root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                failures = 0;
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException || ex is TaskCanceledException && !ct.IsCancellationRequested)
            {
                failures++;
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures, 5))), ct);
                continue;
            }

            if (root.Prop("ok") is not { ValueKind: JsonValueKind.True })
            {
                var retry = root.Prop("parameters")?.Long("retry_after") ?? 5;
                await Task.Delay(TimeSpan.FromSeconds(retry), ct);
                continue;
            }

            var updates = root.Array("result").ToList();
            if (updates.Count == 0) continue;
            var events = updates.Select(ParseUpdate).OfType<InboundEvent>().ToList();
            await sink.AcceptAsync(channel.Id, events, ct);
            offset = updates.Max(u => u.Long("update_id") ?? 0) + 1;
            await state.SetAsync(channel.Id, "offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        }
    }
}
