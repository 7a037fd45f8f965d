using System.Net.Http.Json;
using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Avito;

/// <summary>
/// Reconciliation: Avito webhooks are unsigned, must be answered within 2 s and their retries are undocumented,
/// so every pollSeconds (default 60) the unread chats are read through the API; their clients' messages go through
/// the same pipeline (already stored ones are de-duplicated by message id) and, once committed, the chat is marked read.
/// </summary>
public sealed partial class AvitoConnector : IPollingConnector
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(60);

    public bool WantsPolling(ChannelContext channel) => true;

    private static TimeSpan PollInterval(ChannelContext channel) =>
        int.TryParse(channel.Setting("pollSeconds"), out var s) && s is >= 1 and <= 3600 ? TimeSpan.FromSeconds(s) : DefaultPollInterval;

    public async Task PollAsync(ChannelContext channel, IInboundSink sink, IChannelStateStore state, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(PollInterval(channel), ct); // webhooks bring messages at once; this only catches what they missed
            try { await ReconcileAsync(channel, sink, ct); }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or AvitoAuthException || ex is TaskCanceledException && !ct.IsCancellationRequested)
            {
                // Avito unreachable or credentials wrong: try again next round (sending reports credentials to operators).
            }
        }
    }

    private async Task ReconcileAsync(ChannelContext channel, IInboundSink sink, CancellationToken ct)
    {
        var userId = UserId(channel);
        var url = $"{ApiBase(channel)}/messenger/v2/accounts/{Uri.EscapeDataString(userId)}/chats?unread_only=true&chat_types=u2i,u2u&limit=100";
        List<JsonElement> chats;
        using (var response = await CallAsync(channel, () => new HttpRequestMessage(HttpMethod.Get, url), ct))
        {
            if (!response.IsSuccessStatusCode) return;
            var root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            chats = [.. root.Array("chats").Select(c => c.Clone())];
        }

        foreach (var chat in chats)
        {
            if (chat.Str("id") is not { } chatId) continue;
            var context = chat.Prop("context");
            var item = context?.Str("type") == "item" ? context?.Prop("value")?.Prop("id") : null;
            var messages = await ListMessagesAsync(channel, chatId, ct);
            var events = messages
                .Where(m => m.Str("author_id") is { } a && a != userId && a != "0" && m.Str("direction") != "out" && m.Str("type") != "deleted")
                .OrderBy(m => m.Long("created") ?? 0) // the API lists newest first; the pipeline wants them in order
                .Select(m => ToEvent(m, chatId, m.Str("author_id")!, null, item, chatId.StartsWith("u2i", StringComparison.Ordinal) ? "u2i" : "u2u"))
                .OfType<InboundEvent>().ToList();
            await sink.AcceptAsync(channel.Id, events, ct); // returns after commit
            await MarkReadAsync(channel, chatId, ct);
        }
    }
}
