using System.Net;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Conversations;

public abstract class ConversationListTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task List_Paging_WalksEveryConversationOnceNewestFirst()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        for (var i = 0; i < 7; i++) await kit.PostAsync(App.Sim.Telegram.TextUpdate(9300 + i, $"Клиент {i}"));

        var seen = new List<(long Id, DateTimeOffset At)>();
        string? cursor = null;
        do
        {
            var page = await App.GetJsonAsync($"/api/v1/conversations?limit=3&channelId={kit.ChannelId}" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page["items"]!.AsArray().Select(i => (i!["id"]!.GetValue<long>(), i["lastMessageAt"]!.GetValue<DateTimeOffset>())));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);

        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Select(s => s.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(s => s.At).ThenByDescending(s => s.Id).Select(s => s.Id), seen.Select(s => s.Id));
    }

    [SkippableFact]
    public async Task List_BadStatusOrCursor_400()
    {
        using var client = App.Api();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/conversations?status=lost")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/conversations?cursor=zzz")).StatusCode);
    }
}

public sealed class ConversationListSqliteTests(SqliteOknoApp app) : ConversationListTests<SqliteOknoApp>(app);

public sealed class ConversationListPostgresTests(PostgresOknoApp app) : ConversationListTests<PostgresOknoApp>(app);
