using System.Net;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.GreenApi;

public abstract class GreenApiSendTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private async Task<(GreenApiTestKit Kit, string Phone, long ConversationId)> ClientWroteAsync(int minIntervalMs = 500)
    {
        var kit = await GreenApiTestKit.CreateAsync(App, minIntervalMs);
        var phone = Inbox.NewPhone();
        var text = "Вопрос клиента " + Guid.NewGuid();
        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync(kit.Text(phone, text))).StatusCode);
        var conversation = await Inbox.ConversationAsync(App, text);
        return (kit, phone, conversation["id"]!.GetValue<long>());
    }

    [SkippableFact]
    public async Task Reply_Text_SendMessageAsDocumentedAndApiEchoNotShownTwice()
    {
        var (kit, phone, conversationId) = await ClientWroteAsync();
        var text = "Добрый день! Подготовим претензию " + Guid.NewGuid();

        var reply = await Inbox.ReplyAndWaitSentAsync(App, conversationId, text);
        var call = Assert.Single(kit.Sim.CallsTo("sendMessage", kit.IdInstance));
        var sent = Assert.Single(kit.Sent());
        var echo = await kit.PostAsync(kit.Sim.ApiEcho(sent));
        var read = await kit.PostAsync(kit.Sim.MessageStatus(sent, "read"));

        Assert.Equal($"/greenapi/waInstance{kit.IdInstance}/sendMessage/{kit.ApiToken}", call.Path);
        Assert.Equal("POST", call.Method);
        Assert.Equal($"{phone}@c.us", call.Body["chatId"]!.GetValue<string>());
        Assert.Equal(text, call.Body["message"]!.GetValue<string>());
        Assert.Equal($"{phone}@c.us_{sent.IdMessage}", reply["externalId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, echo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var message = await Inbox.MessageWhenAsync(App, conversationId, reply["id"]!.GetValue<long>(), m => m["status"]!.GetValue<string>() == "read", "read receipt");
        var messages = await Inbox.MessagesAsync(App, conversationId);
        Assert.Single(messages, m => m["text"]?.GetValue<string>() == text);
        Assert.Equal(2, messages.Count);
        Assert.NotNull(message["authorId"]);
    }

    [SkippableFact]
    public async Task Status_FailedAndNoAccount_FailedWithRussianReason()
    {
        var (kit, _, conversationId) = await ClientWroteAsync();
        var reply = await Inbox.ReplyAndWaitSentAsync(App, conversationId, "Ответ " + Guid.NewGuid());

        await kit.PostAsync(kit.Sim.MessageStatus(Assert.Single(kit.Sent()), "noAccount"));

        var failed = await Inbox.MessageWhenAsync(App, conversationId, reply["id"]!.GetValue<long>(), m => m["status"]!.GetValue<string>() == "failed", "failed receipt");
        Assert.Equal("У этого номера нет WhatsApp.", failed["error"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Send_ThreeRepliesAtOnce_SpacedByMinInterval()
    {
        var (kit, _, conversationId) = await ClientWroteAsync(minIntervalMs: 700);

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await Inbox.ReplyAsync(App, conversationId, new JsonObject { ["text"] = $"Часть {i + 1}" })).StatusCode);
        var calls = await OknoApp.EventuallyAsync(() =>
        {
            var list = kit.Sim.CallsTo("sendMessage", kit.IdInstance);
            return Task.FromResult(list.Count == 3 ? list : null);
        }, TimeSpan.FromSeconds(20), "three sends");

        // The gate spaces the starts of our requests by 700 ms; arrival at the stand-in may jitter by a few tens of ms.
        for (var i = 1; i < calls.Count; i++)
            Assert.True(calls[i].At - calls[i - 1].At >= TimeSpan.FromMilliseconds(600), $"Sends {i} and {i + 1} were {(calls[i].At - calls[i - 1].At).TotalMilliseconds} ms apart.");
    }

    [SkippableFact]
    public async Task Send_TooManyRequests429_RetriedAndSent()
    {
        var (kit, _, conversationId) = await ClientWroteAsync();
        kit.Sim.FailNext("sendMessage", 429);

        var reply = await Inbox.ReplyAndWaitSentAsync(App, conversationId, "Повтор " + Guid.NewGuid());

        Assert.Equal("sent", reply["status"]!.GetValue<string>());
        Assert.Equal(2, kit.Sim.CallsTo("sendMessage", kit.IdInstance).Count);
    }

    [SkippableFact]
    public async Task Send_WrongToken401_FailedAndChannelNeedsAttention()
    {
        var (kit, _, conversationId) = await ClientWroteAsync();
        kit.Sim.FailNext("sendMessage", 401);

        var reply = await Inbox.ReplyAndWaitSentAsync(App, conversationId, "Токен " + Guid.NewGuid());

        Assert.Equal("failed", reply["status"]!.GetValue<string>());
        Assert.Contains("apiTokenInstance", reply["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("needs_attention", (await Inbox.ChannelAsync(App, kit.ChannelId))["status"]!.GetValue<string>());
    }
}

public sealed class GreenApiSendSqliteTests(SqliteOknoApp app) : GreenApiSendTests<SqliteOknoApp>(app);

public sealed class GreenApiSendPostgresTests(PostgresOknoApp app) : GreenApiSendTests<PostgresOknoApp>(app);
