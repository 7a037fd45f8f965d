using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.GreenApi;

public abstract class GreenApiWebhookTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Webhook_WrongOrMissingBearerToken_401AndNothingWritten()
    {
        var kit = await GreenApiTestKit.CreateAsync(App);
        var text = "Подделка " + Guid.NewGuid();

        var wrong = await kit.PostAsync(kit.Text(Inbox.NewPhone(), text), tokenOverride: "guessed");
        var missing = await kit.PostAsync(kit.Text(Inbox.NewPhone(), text), noToken: true);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Null(await Inbox.FindConversationAsync(App, text));
    }

    [SkippableFact]
    public async Task SetUp_RegistersWebhookUrlTokenAndNotificationTypes()
    {
        var kit = await GreenApiTestKit.CreateAsync(App);

        var settings = kit.Sim.SettingsOf(kit.IdInstance);

        Assert.NotNull(settings);
        Assert.Equal($"http://okno.test/webhooks/{kit.ChannelId}", settings["webhookUrl"]!.GetValue<string>());
        Assert.Equal(kit.WebhookToken, settings["webhookUrlToken"]!.GetValue<string>());
        foreach (var type in new[] { "incomingWebhook", "outgoingMessageWebhook", "outgoingAPIMessageWebhook", "outgoingWebhook", "stateWebhook" })
            Assert.Equal("yes", settings[type]!.GetValue<string>());
        Assert.Equal("connected", (await Inbox.ChannelAsync(App, kit.ChannelId))["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Webhook_TextRedelivered_StoredOnceUnderThePhone()
    {
        var kit = await GreenApiTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var text = "Добрый день, вопрос по ДТП " + Guid.NewGuid();
        var notification = kit.Text(phone, text);

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync((JsonObject)notification.DeepClone())).StatusCode);

        var conversation = await Inbox.ConversationAsync(App, text);
        var message = Assert.Single(await Inbox.MessagesAsync(App, conversation["id"]!.GetValue<long>()));
        Assert.Equal($"{phone}@c.us_{notification["idMessage"]}", message["externalId"]!.GetValue<string>());
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{conversation["contactId"]}");
        Assert.Contains(contact["identities"]!.AsArray(), i => $"{i!["kind"]}:{i["value"]}" == $"phone:+{phone}");
    }

    [SkippableFact]
    public async Task Webhook_ImageAndDocument_DownloadedFromDownloadUrl()
    {
        var kit = await GreenApiTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var image = Encoding.UTF8.GetBytes("jpeg-" + Guid.NewGuid());
        var caption = "Договор, стр. 1 " + Guid.NewGuid();
        await kit.PostAsync(kit.Sim.IncomingFile(kit.IdInstance, phone, "imageMessage", image, "image/jpeg", "15697d2c.jpg", caption));
        var conversation = await Inbox.ConversationAsync(App, caption);
        var id = conversation["id"]!.GetValue<long>();
        await kit.PostAsync(kit.Sim.IncomingFile(kit.IdInstance, phone, "documentMessage", [1, 2, 3, 4], "application/pdf", "Претензия.pdf"));

        var messages = await OknoApp.EventuallyAsync(async () =>
        {
            var list = await Inbox.MessagesAsync(App, id);
            return list.Count == 2 && list.All(m => m["attachments"]![0]!["url"] is not null) ? list : null;
        }, what: "both files to be stored");
        using var client = App.Api();
        Assert.Equal(image, await client.GetByteArrayAsync(messages[0]["attachments"]![0]!["url"]!.GetValue<string>()));
        Assert.Equal(caption, messages[0]["text"]!.GetValue<string>());
        Assert.Equal("Претензия.pdf", messages[1]["attachments"]![0]!["fileName"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Webhook_LocationContactAndQuoted_ReadableForOperator()
    {
        var kit = await GreenApiTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var marker = "Начало " + Guid.NewGuid();
        await kit.PostAsync(kit.Text(phone, marker));
        var conversation = await Inbox.ConversationAsync(App, marker);
        await kit.PostAsync(kit.Sim.IncomingData(kit.IdInstance, phone, new JsonObject
        {
            ["typeMessage"] = "locationMessage",
            ["locationMessageData"] = new JsonObject { ["nameLocation"] = "Суд", ["address"] = "ул. Ленина, 5", ["latitude"] = 55.75, ["longitude"] = 37.61, ["jpegThumbnail"] = "" },
        }));
        await kit.PostAsync(kit.Sim.IncomingData(kit.IdInstance, phone, new JsonObject
        {
            ["typeMessage"] = "contactMessage",
            ["contactMessageData"] = new JsonObject { ["displayName"] = "Мария", ["vcard"] = "BEGIN:VCARD\nVERSION:3.0\nN:;Мария;;;\nFN:Мария\nTEL;type=CELL;waid=79160001122:+7 916 000-11-22\nEND:VCARD" },
        }));
        await kit.PostAsync(kit.Sim.IncomingData(kit.IdInstance, phone, new JsonObject
        {
            ["typeMessage"] = "quotedMessage",
            ["extendedTextMessageData"] = new JsonObject { ["text"] = "Да, именно так", ["stanzaId"] = "BAE5F4886F6F2D05", ["participant"] = "" },
            ["quotedMessage"] = new JsonObject { ["stanzaId"] = "BAE5F4886F6F2D05", ["participant"] = "", ["typeMessage"] = "textMessage", ["textMessage"] = "Вы про договор аренды?" },
        }));
        await kit.PostAsync(kit.Sim.IncomingData(kit.IdInstance, phone, new JsonObject
        {
            ["typeMessage"] = "extendedTextMessage",
            ["extendedTextMessageData"] = new JsonObject { ["text"] = "Смотрите https://example.ru", ["description"] = "", ["title"] = "", ["previewType"] = "None", ["jpegThumbnail"] = "" },
        }));

        var texts = await OknoApp.EventuallyAsync(async () =>
        {
            var list = (await Inbox.MessagesAsync(App, conversation["id"]!.GetValue<long>())).Select(m => m["text"]?.GetValue<string>()).ToList();
            return list.Count == 5 ? list : null;
        }, what: "five messages");
        Assert.Equal("📍 Геопозиция: Суд, ул. Ленина, 5 (55.75, 37.61)", texts[1]);
        Assert.Equal("📇 Контакт: Мария +7 916 000-11-22", texts[2]);
        Assert.Equal("Да, именно так\n\n» Вы про договор аренды?", texts[3]);
        Assert.Equal("Смотрите https://example.ru", texts[4]);
    }

    [SkippableFact]
    public async Task Webhook_TypedOnThePhone_ShownAsOutboundOnce()
    {
        var kit = await GreenApiTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var marker = "Вопрос " + Guid.NewGuid();
        await kit.PostAsync(kit.Text(phone, marker));
        var conversation = await Inbox.ConversationAsync(App, marker);
        var fromPhone = kit.Sim.OutgoingFromPhone(kit.IdInstance, phone, "Ответил с телефона " + Guid.NewGuid());

        await kit.PostAsync(fromPhone);
        await kit.PostAsync((JsonObject)fromPhone.DeepClone());

        var messages = await OknoApp.EventuallyAsync(async () => { var l = await Inbox.MessagesAsync(App, conversation["id"]!.GetValue<long>()); return l.Count >= 2 ? l : null; }, what: "the echo");
        Assert.Equal(2, messages.Count);
        Assert.Equal("outbound", messages[1]["direction"]!.GetValue<string>());
        Assert.Equal("sent", messages[1]["status"]!.GetValue<string>());
        Assert.Null(messages[1]["authorId"]);
    }

    [SkippableFact]
    public async Task Webhook_TypedOnThePhoneToANewChat_OpensPendingConversationAsOutboundByStaff()
    {
        var kit = await GreenApiTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var first = "Здравствуйте, это юрист, пишу по вашей заявке " + Guid.NewGuid();

        var outgoing = await kit.PostAsync(kit.Sim.OutgoingFromPhone(kit.IdInstance, phone, first, "Ольга Смирнова"));
        var conversation = await Inbox.ConversationAsync(App, first);
        var id = conversation["id"]!.GetValue<long>();
        var message = Assert.Single(await Inbox.MessagesAsync(App, id));
        var answer = "Да, спасибо, вопрос по наследству " + Guid.NewGuid();
        await kit.PostAsync(kit.Text(phone, answer));
        var answered = await OknoApp.EventuallyAsync(async () => { var l = await Inbox.MessagesAsync(App, id); return l.Count == 2 ? l : null; }, what: "the client's answer");
        var after = await App.GetJsonAsync($"/api/v1/conversations/{id}");

        Assert.Equal(HttpStatusCode.OK, outgoing.StatusCode);
        Assert.Equal("outbound", message["direction"]!.GetValue<string>());
        Assert.Equal("sent", message["status"]!.GetValue<string>());
        Assert.Null(message["authorId"]);
        Assert.Equal("pending", conversation["status"]!.GetValue<string>()); // waits for the client: not a request yet
        Assert.Equal(0, conversation["unreadCount"]!.GetValue<int>());
        Assert.Null(conversation["firstResponseAt"]);
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{conversation["contactId"]}");
        Assert.Contains(contact["identities"]!.AsArray(), i => $"{i!["kind"]}:{i["value"]}" == $"phone:+{phone}");
        Assert.Equal("inbound", answered[1]["direction"]!.GetValue<string>());
        Assert.Equal(answer, answered[1]["text"]!.GetValue<string>());
        Assert.Equal("open", after["status"]!.GetValue<string>()); // the client answered: now it is a request
        Assert.Equal(1, after["unreadCount"]!.GetValue<int>());
        Assert.Single(await Inbox.ConversationsOfContactAsync(App, conversation["contactId"]!.GetValue<long>()));
    }

    [SkippableFact]
    public async Task Webhook_StateNotAuthorized_ChannelNeedsAttentionWithReason()
    {
        var kit = await GreenApiTestKit.CreateAsync(App);

        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync(kit.Sim.StateChanged(kit.IdInstance, "notAuthorized"))).StatusCode);

        var channel = await OknoApp.EventuallyAsync(async () =>
        {
            var c = await Inbox.ChannelAsync(App, kit.ChannelId);
            return c["status"]!.GetValue<string>() == "needs_attention" ? c : null;
        }, what: "needs_attention");
        Assert.Contains("QR", channel["statusReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Polling_StateChangedWithoutWebhook_ChannelFollows()
    {
        var kit = await GreenApiTestKit.CreateAsync(App, statePollSeconds: 1);

        kit.Sim.SetState(kit.IdInstance, "yellowCard");

        var channel = await OknoApp.EventuallyAsync(async () =>
        {
            var c = await Inbox.ChannelAsync(App, kit.ChannelId);
            return c["status"]!.GetValue<string>() == "blocked" ? c : null;
        }, TimeSpan.FromSeconds(40), "the poll to see yellowCard");
        Assert.Contains("yellowCard", channel["statusReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(kit.Sim.CallsTo("getStateInstance", kit.IdInstance));
    }

    [SkippableFact]
    public async Task Settings_IntervalUnder500Ms_ValidationProblem()
    {
        using var client = App.Api();
        using var response = await client.PostAsync("/api/v1/channels", System.Net.Http.Json.JsonContent.Create(new JsonObject
        {
            ["kind"] = "whatsapp_greenapi", ["name"] = "Серый",
            ["settings"] = new JsonObject { ["idInstance"] = "1101000001", ["apiTokenInstance"] = "t", ["webhookToken"] = "w", ["minIntervalMs"] = 100 },
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("settings.minIntervalMs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class GreenApiWebhookSqliteTests(SqliteOknoApp app) : GreenApiWebhookTests<SqliteOknoApp>(app);

public sealed class GreenApiWebhookPostgresTests(PostgresOknoApp app) : GreenApiWebhookTests<PostgresOknoApp>(app);
