using System.Net;
using System.Text;
using Okno.Simulators.Waha;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Waha;

public abstract class WahaTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Webhook_WrongOrMissingHmac_401AndNothingWritten()
    {
        var kit = await WahaTestKit.CreateAsync(App);
        var text = "Подделка " + Guid.NewGuid();

        var wrongKey = await kit.PostAsync(kit.Sim.TextMessage(kit.Session, Inbox.NewPhone(), text), keyOverride: "guessed-key");
        var garbage = await kit.PostAsync(kit.Sim.TextMessage(kit.Session, Inbox.NewPhone(), text), signatureOverride: "abc");
        var missing = await Inbox.SendAsync(App, WahaSimulator.WebhookRequest($"/webhooks/{kit.ChannelId}", null, kit.Sim.TextMessage(kit.Session, Inbox.NewPhone(), text)));

        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Null(await Inbox.FindConversationAsync(App, text));
    }

    [SkippableFact]
    public async Task Webhook_TextAndMedia_StoredOnceAndMediaDownloadedWithApiKey()
    {
        var kit = await WahaTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var text = "Здравствуйте, нужен юрист " + Guid.NewGuid();
        var message = kit.Sim.TextMessage(kit.Session, phone, text, "Анна");
        await kit.PostAsync(message);
        await kit.PostAsync(message);
        var any = (System.Text.Json.Nodes.JsonObject)message.DeepClone();
        any["event"] = "message.any"; // a session subscribed to both events gets each incoming message twice
        await kit.PostAsync(any);
        var conversation = await Inbox.ConversationAsync(App, text);
        var bytes = Encoding.UTF8.GetBytes("pdf-" + Guid.NewGuid());
        await kit.PostAsync(kit.Sim.MediaMessage(kit.Session, phone, bytes, "application/pdf", "Иск.pdf", "Вот иск"));

        var messages = await OknoApp.EventuallyAsync(async () =>
        {
            var list = await Inbox.MessagesAsync(App, conversation["id"]!.GetValue<long>());
            return list.Count == 2 && list[1]["attachments"]![0]!["url"] is not null ? list : null;
        }, what: "the file to be stored");
        Assert.Equal(text, messages[0]["text"]!.GetValue<string>());
        Assert.Equal(message["payload"]!["id"]!.GetValue<string>(), messages[0]["externalId"]!.GetValue<string>());
        Assert.Equal("Иск.pdf", messages[1]["attachments"]![0]!["fileName"]!.GetValue<string>());
        using var client = App.Api();
        Assert.Equal(bytes, await client.GetByteArrayAsync(messages[1]["attachments"]![0]!["url"]!.GetValue<string>()));
        Assert.All(kit.Sim.CallsTo(".pdf"), c => Assert.Equal(WahaSimulator.ApiKey, c.Headers["X-Api-Key"]));
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{conversation["contactId"]}");
        Assert.Equal("Анна", contact["name"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Reply_SendTextAsDocumented_OwnEchoNotShownTwice_AckApplied()
    {
        var kit = await WahaTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var question = "Вопрос " + Guid.NewGuid();
        await kit.PostAsync(kit.Sim.TextMessage(kit.Session, phone, question));
        var conversationId = (await Inbox.ConversationAsync(App, question))["id"]!.GetValue<long>();
        var text = "Ответ юриста " + Guid.NewGuid();

        var reply = await Inbox.ReplyAndWaitSentAsync(App, conversationId, text);
        var call = Assert.Single(kit.Sim.CallsTo("/api/sendText"), c => c.Body["session"]?.GetValue<string>() == kit.Session);
        var sent = Assert.Single(kit.Sent());
        await kit.PostAsync(kit.Sim.OwnMessageAny(sent));
        await kit.PostAsync(kit.Sim.Ack(sent, 3));
        await kit.PostAsync(kit.Sim.Ack(sent, 2));

        Assert.Equal("/waha/api/sendText", call.Path);
        Assert.Equal(WahaSimulator.ApiKey, call.Headers["X-Api-Key"]);
        Assert.Equal($"{phone}@c.us", call.Body["chatId"]!.GetValue<string>());
        Assert.Equal(text, call.Body["text"]!.GetValue<string>());
        Assert.Equal(sent.Id, reply["externalId"]!.GetValue<string>());
        await Inbox.MessageWhenAsync(App, conversationId, reply["id"]!.GetValue<long>(), m => m["status"]!.GetValue<string>() == "read", "read ack");
        var messages = await Inbox.MessagesAsync(App, conversationId);
        Assert.Equal(2, messages.Count);
        Assert.Equal("read", messages[1]["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Webhook_FromMeTypedOnThePhone_OutboundByStaff_OpensPendingConversationForANewChat()
    {
        var kit = await WahaTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var first = "Добрый день, это юрист Окна " + Guid.NewGuid();
        var fromPhone = kit.Sim.FromPhone(kit.Session, phone, first);

        await kit.PostAsync(fromPhone);
        await kit.PostAsync((System.Text.Json.Nodes.JsonObject)fromPhone.DeepClone());
        var conversation = await Inbox.ConversationAsync(App, first);
        var id = conversation["id"]!.GetValue<long>();
        var message = Assert.Single(await Inbox.MessagesAsync(App, id));
        var answer = "Здравствуйте, да, жду звонка " + Guid.NewGuid();
        await kit.PostAsync(kit.Sim.TextMessage(kit.Session, phone, answer, "Пётр"));
        var answered = await OknoApp.EventuallyAsync(async () => { var l = await Inbox.MessagesAsync(App, id); return l.Count == 2 ? l : null; }, what: "the client's answer");
        var more = "И ещё: возьмите паспорт " + Guid.NewGuid();
        await kit.PostAsync(kit.Sim.FromPhone(kit.Session, phone, more));
        var all = await OknoApp.EventuallyAsync(async () => { var l = await Inbox.MessagesAsync(App, id); return l.Count == 3 ? l : null; }, what: "the second message from the phone");
        var after = await App.GetJsonAsync($"/api/v1/conversations/{id}");

        Assert.Equal("outbound", message["direction"]!.GetValue<string>());
        Assert.Equal(fromPhone["payload"]!["id"]!.GetValue<string>(), message["externalId"]!.GetValue<string>());
        Assert.Equal("pending", conversation["status"]!.GetValue<string>());
        Assert.Null(conversation["firstResponseAt"]);
        Assert.Equal("inbound", answered[1]["direction"]!.GetValue<string>());
        Assert.Equal("outbound", all[2]["direction"]!.GetValue<string>());
        Assert.Equal(more, all[2]["text"]!.GetValue<string>());
        Assert.Equal("open", after["status"]!.GetValue<string>());
        Assert.Equal(0, after["unreadCount"]!.GetValue<int>()); // staff answered from the phone
        Assert.NotNull(after["firstResponseAt"]);
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{conversation["contactId"]}");
        Assert.Equal("Пётр", contact["name"]!.GetValue<string>()); // the firm's own name never becomes the client's
    }

    [SkippableFact]
    public async Task SessionStatus_ScanQrThenWorking_ChannelStatusFollows()
    {
        var kit = await WahaTestKit.CreateAsync(App);

        await kit.PostAsync(kit.Sim.SessionStatus(kit.Session, "SCAN_QR_CODE"));
        var attention = await OknoApp.EventuallyAsync(async () =>
        {
            var c = await Inbox.ChannelAsync(App, kit.ChannelId);
            return c["status"]!.GetValue<string>() == "needs_attention" ? c : null;
        }, what: "needs_attention");
        await kit.PostAsync(kit.Sim.SessionStatus(kit.Session, "WORKING"));
        await OknoApp.EventuallyAsync(async () => (await Inbox.ChannelAsync(App, kit.ChannelId))["status"]!.GetValue<string>() == "connected", what: "connected");

        Assert.Contains("QR", attention["statusReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Webhook_OtherSessionsEvent_Ignored()
    {
        var kit = await WahaTestKit.CreateAsync(App);
        var text = "Чужая сессия " + Guid.NewGuid();

        var response = await kit.PostAsync(kit.Sim.TextMessage("someone-else", Inbox.NewPhone(), text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await Inbox.FindConversationAsync(App, text));
    }
}

public sealed class WahaSqliteTests(SqliteOknoApp app) : WahaTests<SqliteOknoApp>(app);

public sealed class WahaPostgresTests(PostgresOknoApp app) : WahaTests<PostgresOknoApp>(app);
