using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Okno.Tests.Channels.WhatsAppCloud;

public abstract class WhatsAppCloudWebhookTests<TApp>(TApp app, ITestOutputHelper output) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Webhook_400SignedMessagesFrom8Threads_AllStoredOnce()
    {
        var kit = await WhatsAppCloudTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var marker = "Поток " + Guid.NewGuid();
        await kit.PostAsync(kit.Text(phone, marker + " 0"));
        var conversation = await Inbox.ConversationAsync(App, marker);
        var notifications = Enumerable.Range(1, 400).Select(i => kit.Text(phone, $"{marker} {i}")).ToList();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var codes = await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            var mine = new List<HttpStatusCode>();
            for (var i = t; i < notifications.Count; i += 8) mine.Add((await kit.PostAsync(notifications[i])).StatusCode);
            return mine;
        })));
        clock.Stop();

        Assert.All(codes.SelectMany(c => c), code => Assert.Equal(HttpStatusCode.OK, code));
        var messages = await Inbox.MessagesAsync(App, conversation["id"]!.GetValue<long>());
        Assert.Equal(401, messages.Count);
        Assert.Equal(401, messages.Select(m => m["externalId"]!.GetValue<string>()).Distinct().Count());
        output.WriteLine($"{typeof(TApp).Name}: 400 signed Cloud API webhooks from 8 threads committed in {clock.ElapsedMilliseconds} ms ({400 / clock.Elapsed.TotalSeconds:F0}/s).");
    }

    [SkippableFact]
    public async Task Handshake_RightVerifyToken_200WithChallengeAsPlainBody()
    {
        var kit = await WhatsAppCloudTestKit.CreateAsync(App);
        using var client = App.CreateClient();

        var ok = await client.GetAsync(Simulators.WhatsAppCloud.WhatsAppCloudSimulator.VerificationUrl(kit.WebhookPath, kit.VerifyToken, "1158201444"));
        var wrongToken = await client.GetAsync(Simulators.WhatsAppCloud.WhatsAppCloudSimulator.VerificationUrl(kit.WebhookPath, "not-the-token", "1158201444"));
        var wrongMode = await client.GetAsync(Simulators.WhatsAppCloud.WhatsAppCloudSimulator.VerificationUrl(kit.WebhookPath, kit.VerifyToken, "1158201444", "unsubscribe"));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", ok.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongMode.StatusCode);
    }

    [SkippableFact]
    public async Task Webhook_ForgedOrMissingSignature_401AndNothingWritten()
    {
        var kit = await WhatsAppCloudTestKit.CreateAsync(App);
        var text = "Подделка " + Guid.NewGuid();
        var notification = kit.Text(Inbox.NewPhone(), text);

        var missing = await kit.PostAsync(notification, unsigned: true);
        var garbage = await kit.PostAsync(notification, signatureOverride: "sha256=00ff");
        var otherSecret = await Inbox.SendAsync(App, Simulators.WhatsAppCloud.WhatsAppCloudSimulator.WebhookRequest(kit.WebhookPath, "someone-elses-secret", notification));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherSecret.StatusCode);
        Assert.Null(await Inbox.FindConversationAsync(App, text));
    }

    [SkippableFact]
    public async Task Webhook_TextRedelivered_StoredOnceUnderThePhone()
    {
        var kit = await WhatsAppCloudTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var text = "Нужна консультация по наследству " + Guid.NewGuid();
        var notification = kit.Text(phone, text);

        var responses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) responses.Add((await kit.PostAsync((JsonObject)notification.DeepClone())).StatusCode);

        Assert.All(responses, code => Assert.Equal(HttpStatusCode.OK, code));
        var conversation = await Inbox.ConversationAsync(App, text);
        var message = Assert.Single(await Inbox.MessagesAsync(App, conversation["id"]!.GetValue<long>()));
        Assert.Equal("inbound", message["direction"]!.GetValue<string>());
        Assert.Equal(Simulators.WhatsAppCloud.WhatsAppCloudSimulator.MessageId(notification), message["externalId"]!.GetValue<string>());
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{conversation["contactId"]}");
        Assert.Contains(contact["identities"]!.AsArray(), i => $"{i!["kind"]}:{i["value"]}" == $"phone:+{phone}");
        Assert.Equal("Иван Петров", contact["name"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Webhook_Image_DownloadedByMediaIdWithBearerAndServed()
    {
        var kit = await WhatsAppCloudTestKit.CreateAsync(App);
        var bytes = Encoding.UTF8.GetBytes("jpeg-bytes-" + Guid.NewGuid());
        var caption = "Фото договора " + Guid.NewGuid();
        var notification = kit.Sim.MediaMessage(kit.PhoneNumberId, Inbox.NewPhone(), "image", bytes, "image/jpeg", caption);
        var mediaId = notification["entry"]![0]!["changes"]![0]!["value"]!["messages"]![0]!["image"]!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync(notification)).StatusCode);

        var conversation = await Inbox.ConversationAsync(App, caption);
        var id = conversation["id"]!.GetValue<long>();
        var url = await OknoApp.EventuallyAsync(async () =>
            (await Inbox.MessagesAsync(App, id))[0]["attachments"]!.AsArray().FirstOrDefault()?["url"]?.GetValue<string>(), what: "the image to be stored");
        using var client = App.Api();
        Assert.Equal(bytes, await client.GetByteArrayAsync(url));
        var lookup = Assert.Single(kit.Sim.Calls, c => c.Method == "GET" && c.Path.EndsWith("/v21.0/" + mediaId, StringComparison.Ordinal));
        Assert.Equal("Bearer " + kit.AccessToken, lookup.Headers["Authorization"]);
        var fetch = Assert.Single(kit.Sim.Calls, c => c.Path.EndsWith("/lookaside/" + mediaId, StringComparison.Ordinal));
        Assert.Equal("Bearer " + kit.AccessToken, fetch.Headers["Authorization"]);
    }

    [SkippableFact]
    public async Task Webhook_EveryClientMessageType_ReadableForOperator()
    {
        var kit = await WhatsAppCloudTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var marker = "Начало " + Guid.NewGuid();
        await kit.PostAsync(kit.Text(phone, marker));
        var conversation = await Inbox.ConversationAsync(App, marker);
        var sim = kit.Sim;
        var pn = kit.PhoneNumberId;
        var notifications = new[]
        {
            sim.Message(pn, phone, "Иван", "interactive", new JsonObject { ["type"] = "button_reply", ["button_reply"] = new JsonObject { ["id"] = "yes", ["title"] = "Да, удобно" } }),
            sim.Message(pn, phone, "Иван", "interactive", new JsonObject { ["type"] = "list_reply", ["list_reply"] = new JsonObject { ["id"] = "family", ["title"] = "Семейное право", ["description"] = "Развод, алименты" } }),
            sim.Message(pn, phone, "Иван", "button", new JsonObject { ["payload"] = "CALL_ME", ["text"] = "Перезвоните мне" }),
            sim.Message(pn, phone, "Иван", "location", new JsonObject { ["latitude"] = 55.7558, ["longitude"] = 37.6173, ["name"] = "Офис", ["address"] = "Тверская, 1" }),
            sim.Message(pn, phone, "Иван", "contacts", new JsonArray(new JsonObject
            {
                ["name"] = new JsonObject { ["formatted_name"] = "Мария Иванова", ["first_name"] = "Мария" },
                ["phones"] = new JsonArray(new JsonObject { ["phone"] = "+7 916 000-11-22", ["type"] = "CELL", ["wa_id"] = "79160001122" }),
            })),
            sim.Message(pn, phone, "Иван", "reaction", new JsonObject { ["message_id"] = "wamid.x", ["emoji"] = "👍" }),
            sim.MediaMessage(pn, phone, "audio", [1, 2, 3], "audio/ogg; codecs=opus", voice: true),
            sim.MediaMessage(pn, phone, "document", [4, 5, 6], "application/pdf", "Исковое", "isk.pdf"),
            sim.MediaMessage(pn, phone, "sticker", [7, 8], "image/webp"),
            sim.Message(pn, phone, "Иван", "unsupported", new JsonObject()),
        };
        foreach (var n in notifications) Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync(n)).StatusCode);

        var messages = await Inbox.MessagesAsync(App, conversation["id"]!.GetValue<long>());
        var texts = messages.Select(m => m["text"]?.GetValue<string>()).ToList();
        Assert.Contains("Выбран вариант: Да, удобно", texts);
        Assert.Contains("Выбран вариант: Семейное право (Развод, алименты)", texts);
        Assert.Contains("Нажата кнопка: Перезвоните мне", texts);
        Assert.Contains(texts, t => t is not null && t.StartsWith("📍 Геопозиция: Офис, Тверская, 1", StringComparison.Ordinal) && t.Contains("55.7558", StringComparison.Ordinal));
        Assert.Contains("📇 Контакт: Мария Иванова +7 916 000-11-22", texts);
        Assert.Contains("Реакция 👍 на сообщение", texts);
        Assert.Contains("🎤 Голосовое сообщение", texts);
        Assert.Contains("(сообщение неподдерживаемого типа)", texts);
        var document = Assert.Single(messages, m => m["text"]?.GetValue<string>() == "Исковое");
        Assert.Equal("isk.pdf", document["attachments"]![0]!["fileName"]!.GetValue<string>());
        Assert.Equal(11, messages.Count);
    }

    [SkippableFact]
    public async Task Webhook_BsuidWithoutPhone_ContactKnownByWhatsAppUserIdAndAnsweredByRecipient()
    {
        var kit = await WhatsAppCloudTestKit.CreateAsync(App);
        var userId = "RU." + Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999);
        var text = "Пишу без номера " + Guid.NewGuid();

        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync(kit.Sim.BsuidTextMessage(kit.PhoneNumberId, userId, text, "Muhsin", "muhsin"))).StatusCode);

        var conversation = await Inbox.ConversationAsync(App, text);
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{conversation["contactId"]}");
        var identity = Assert.Single(contact["identities"]!.AsArray());
        Assert.Equal("whatsapp_user", identity!["kind"]!.GetValue<string>());
        Assert.Equal(userId, identity["value"]!.GetValue<string>());

        var reply = await Inbox.ReplyAndWaitSentAsync(App, conversation["id"]!.GetValue<long>(), "Ответ по имени пользователя");
        Assert.Equal("sent", reply["status"]!.GetValue<string>());
        var call = Assert.Single(kit.MessageCalls());
        Assert.Equal(userId, call.Body["recipient"]!.GetValue<string>());
        Assert.Null(call.Body["to"]);
    }
}

public sealed class WhatsAppCloudWebhookSqliteTests(SqliteOknoApp app, ITestOutputHelper output) : WhatsAppCloudWebhookTests<SqliteOknoApp>(app, output);

public sealed class WhatsAppCloudWebhookPostgresTests(PostgresOknoApp app, ITestOutputHelper output) : WhatsAppCloudWebhookTests<PostgresOknoApp>(app, output);
