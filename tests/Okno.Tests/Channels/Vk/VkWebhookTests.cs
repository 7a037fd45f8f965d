using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Vk;

public abstract class VkWebhookTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Confirmation_AnsweredWithCodeAsPlainText()
    {
        var kit = await VkTestKit.CreateAsync(App);

        var response = await kit.PostAsync(kit.Sim.ConfirmationEvent(kit.GroupId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(kit.ConfirmationCode, await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Confirmation_OtherCommunity_Refused()
    {
        var kit = await VkTestKit.CreateAsync(App);
        var confirmation = kit.Sim.ConfirmationEvent(kit.GroupId);
        confirmation["group_id"] = kit.GroupId + 1;

        var response = await kit.PostAsync(confirmation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(kit.ConfirmationCode, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task MessageNew_Text_AnsweredOkAndStoredOnce()
    {
        var kit = await VkTestKit.CreateAsync(App);
        var text = "Здравствуйте, нужна консультация по разводу " + Guid.NewGuid();
        kit.Sim.SetUserName(612444319, "Анна", "Смирнова");

        var response = await kit.PostAsync(kit.Sim.TextMessage(kit.GroupId, 612444319, text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        var conversation = await kit.FindConversationAsync(text);
        Assert.Equal("Анна Смирнова", conversation!["contactName"]!.GetValue<string>()); // from users.get
        Assert.Contains(kit.Sim.CallsTo("users.get"), c => c.Body["user_ids"]!.GetValue<string>() == "612444319");
        var message = Assert.Single(await kit.MessagesAsync(conversation["id"]!.GetValue<long>()));
        Assert.Equal("inbound", message!["direction"]!.GetValue<string>());
        Assert.Equal(text, message["text"]!.GetValue<string>());
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{conversation["contactId"]}");
        Assert.Contains(contact["identities"]!.AsArray(), i => $"{i!["kind"]}:{i["value"]}" == "vk:612444319");
    }

    [SkippableFact]
    public async Task Webhook_WrongOrMissingSecret_RejectedAndNothingWritten()
    {
        var kit = await VkTestKit.CreateAsync(App);
        var text = "Подделка " + Guid.NewGuid();
        var wrong = kit.Sim.TextMessage(kit.GroupId, 612444320, text);
        wrong["secret"] = kit.Secret + "x";
        var missing = kit.Sim.TextMessage(kit.GroupId, 612444320, text);
        missing.Remove("secret");

        var wrongResponse = await kit.PostAsync(wrong);
        var missingResponse = await kit.PostAsync(missing);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missingResponse.StatusCode);
        Assert.Null(await kit.FindConversationAsync(text));
    }

    [SkippableFact]
    public async Task Webhook_MalformedJson_400WithProblemDetails()
    {
        var kit = await VkTestKit.CreateAsync(App);
        using var client = App.CreateClient();
        var response = await client.PostAsync($"/webhooks/{kit.ChannelId}", new StringContent("{\"type\":\"message_new\",", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Webhook_EventWithoutEventId_400AndNothingWritten()
    {
        var kit = await VkTestKit.CreateAsync(App);
        var text = "Без event_id " + Guid.NewGuid();
        var @event = kit.Sim.TextMessage(kit.GroupId, 612444326, text);
        @event.Remove("event_id");

        var response = await kit.PostAsync(@event);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await kit.FindConversationAsync(text));
    }

    [SkippableFact]
    public async Task MessageEdit_ByClient_UpdatesTextInPlace()
    {
        var kit = await VkTestKit.CreateAsync(App);
        var original = kit.Sim.TextMessage(kit.GroupId, 612444327, "Первая версия " + Guid.NewGuid());
        await kit.PostAsync(original);
        var messageId = original["object"]!["message"]!["id"]!.GetValue<long>();
        var edited = "Исправленная версия " + Guid.NewGuid();

        var response = await kit.PostAsync(kit.Sim.EditedMessage(kit.GroupId, 612444327, messageId, edited));

        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        var conversation = await kit.FindConversationAsync("Первая версия");
        var message = Assert.Single(await kit.MessagesAsync(conversation!["id"]!.GetValue<long>()));
        Assert.Equal(edited, message!["text"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task MessageNew_SameEventIdRedelivered_StoredOnce()
    {
        var kit = await VkTestKit.CreateAsync(App);
        var text = "Повторная доставка " + Guid.NewGuid();
        var @event = kit.Sim.TextMessage(kit.GroupId, 612444321, text);

        var codes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            (await kit.PostAsync((JsonObject)@event.DeepClone())).StatusCode)));

        Assert.All(codes, c => Assert.Equal(HttpStatusCode.OK, c));
        var conversation = await kit.FindConversationAsync(text);
        Assert.Single(await kit.MessagesAsync(conversation!["id"]!.GetValue<long>()));
    }

    [SkippableFact]
    public async Task MessageNew_Photo_LargestSizeDownloaded()
    {
        var kit = await VkTestKit.CreateAsync(App);
        var large = Encoding.UTF8.GetBytes("large-jpeg-" + Guid.NewGuid());
        var text = "Фото документа " + Guid.NewGuid();

        await kit.PostAsync(kit.Sim.PhotoMessage(kit.GroupId, 612444322, text, large, small: [1, 2, 3]));

        var conversation = await kit.FindConversationAsync(text);
        var id = conversation!["id"]!.GetValue<long>();
        var url = await OknoApp.EventuallyAsync(async () =>
            (await kit.MessagesAsync(id))[0]!["attachments"]!.AsArray().FirstOrDefault()?["url"]?.GetValue<string>(), what: "the photo to be stored");
        using var client = App.Api();
        Assert.Equal(large, await client.GetByteArrayAsync(url));
    }

    [SkippableFact]
    public async Task MessageNew_DocVoiceAndGeo_Normalized()
    {
        var kit = await VkTestKit.CreateAsync(App);
        const long user = 612444323;
        var pdf = Encoding.UTF8.GetBytes("%PDF-1.4 " + Guid.NewGuid());
        await kit.PostAsync(kit.Sim.DocumentMessage(kit.GroupId, user, "Договор аренды", "pdf", pdf));
        await kit.PostAsync(kit.Sim.VoiceMessage(kit.GroupId, user, [0x4F, 0x67, 0x67, 0x53]));
        await kit.PostAsync(kit.Sim.GeoMessage(kit.GroupId, user, 55.751244, 37.618423, "Москва"));

        var conversation = await kit.FindConversationAsync("Геопозиция");
        var messages = await kit.MessagesAsync(conversation!["id"]!.GetValue<long>());
        Assert.Equal(3, messages.Count);
        Assert.Contains(messages, m => m!["attachments"]!.AsArray().Any(a => a!["fileName"]!.GetValue<string>() == "Договор аренды.pdf"
            && a["contentType"]!.GetValue<string>() == "application/pdf"));
        Assert.Contains(messages, m => m!["text"]?.GetValue<string>() == "🎤 Голосовое сообщение"
            && m["attachments"]!.AsArray().Any(a => a!["contentType"]!.GetValue<string>() == "audio/ogg"));
        Assert.Contains(messages, m => m!["text"]?.GetValue<string>() == "📍 Геопозиция: 55.751244, 37.618423 (Москва)");
    }

    [SkippableFact]
    public async Task MessageDenyThenAllow_RouteUnusableThenUsable()
    {
        var kit = await VkTestKit.CreateAsync(App);
        const long user = 612444324;
        var text = "Вопрос по наследству " + Guid.NewGuid();
        await kit.PostAsync(kit.Sim.TextMessage(kit.GroupId, user, text));
        var id = (await kit.FindConversationAsync(text))!["id"]!.GetValue<long>();

        var deny = await kit.PostAsync(kit.Sim.DenyMessages(kit.GroupId, user));
        var denied = Assert.Single(await ConversationLookup.RoutesAsync(App, id));
        await kit.PostAsync(kit.Sim.AllowMessages(kit.GroupId, user));
        var allowed = Assert.Single(await ConversationLookup.RoutesAsync(App, id));

        Assert.Equal("ok", await deny.Content.ReadAsStringAsync());
        Assert.False(denied!["usable"]!.GetValue<bool>());
        Assert.Equal("Клиент запретил сообщения через этот канал.", denied["reason"]!.GetValue<string>());
        Assert.True(allowed!["usable"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task MessageReply_TypedInVk_StoredAsEchoOnce()
    {
        var kit = await VkTestKit.CreateAsync(App);
        const long user = 612444325;
        var text = "Вопрос по банкротству " + Guid.NewGuid();
        await kit.PostAsync(kit.Sim.TextMessage(kit.GroupId, user, text));
        var reply = "Ответ администратора из ВК " + Guid.NewGuid();
        var echo = kit.Sim.AdminReply(kit.GroupId, user, reply);

        await kit.PostAsync(echo);
        await kit.PostAsync((JsonObject)echo.DeepClone());

        var conversation = await kit.FindConversationAsync(reply);
        var messages = await kit.MessagesAsync(conversation!["id"]!.GetValue<long>());
        Assert.Equal(2, messages.Count);
        var stored = Assert.Single(messages, m => m!["text"]!.GetValue<string>() == reply);
        Assert.Equal("outbound", stored!["direction"]!.GetValue<string>());
        Assert.Null(stored["authorId"]);
    }
}

public sealed class VkWebhookSqliteTests(SqliteOknoApp app) : VkWebhookTests<SqliteOknoApp>(app);

public sealed class VkWebhookPostgresTests(PostgresOknoApp app) : VkWebhookTests<PostgresOknoApp>(app);
