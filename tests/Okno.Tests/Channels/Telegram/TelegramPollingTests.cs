using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Telegram;

public abstract class TelegramPollingTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Polling_UpdatesFromGetUpdates_StoredOnceAndOffsetAdvances()
    {
        var kit = await TelegramTestKit.CreateAsync(App, mode: "polling");
        var first = App.Sim.Telegram.TextUpdate(7001, "Первое по опросу " + Guid.NewGuid());
        var second = App.Sim.Telegram.TextUpdate(7001, "Второе по опросу " + Guid.NewGuid());
        App.Sim.Telegram.EnqueueForPolling(first);
        App.Sim.Telegram.EnqueueForPolling(second);

        var conversation = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync("Второе по опросу"), what: "polled messages");
        var lastId = second["update_id"]!.GetValue<long>();
        await OknoApp.EventuallyAsync(async () =>
        {
            await Task.Yield();
            return App.Sim.Telegram.CallsTo("getUpdates").Any(c => c.Body["offset"]?.GetValue<long>() == lastId + 1);
        }, what: "getUpdates with the advanced offset");

        var messages = await kit.MessagesAsync(conversation["id"]!.GetValue<long>());
        Assert.Equal(2, messages.Count);
        Assert.Contains(App.Sim.Telegram.CallsTo("deleteWebhook"), c => c.Path.Contains(TelegramTestKit.BotToken, StringComparison.Ordinal));
    }
}

public sealed class TelegramPollingSqliteTests(SqliteOknoApp app) : TelegramPollingTests<SqliteOknoApp>(app);

public sealed class TelegramPollingPostgresTests(PostgresOknoApp app) : TelegramPollingTests<PostgresOknoApp>(app);
