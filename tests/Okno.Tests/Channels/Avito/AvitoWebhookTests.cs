using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Avito;

public abstract class AvitoWebhookTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task SetUp_ChannelCreated_SubscribesWebhookV3WithSecretPathToken()
    {
        var kit = await AvitoTestKit.CreateAsync(App);

        var subscribe = Assert.Single(App.Sim.Avito.Calls, c => c.Method == "POST" && c.Path.EndsWith("/messenger/v3/webhook", StringComparison.Ordinal)
            && c.Body["url"]?.ToString()?.Contains(kit.ChannelId, StringComparison.Ordinal) == true);
        var segments = kit.WebhookPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["webhooks", kit.ChannelId], segments[..2]);
        Assert.True(segments[2].Length >= 40, "the path token must be long and unguessable");
        Assert.StartsWith("Bearer avito-token-", subscribe.Headers["Authorization"], StringComparison.Ordinal);
        var channel = await App.GetJsonAsync($"/api/v1/channels/{kit.ChannelId}");
        Assert.DoesNotContain(segments[2], channel.ToJsonString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Webhook_TextAboutAnAd_ConversationSourceIsTheAd()
    {
        var kit = await AvitoTestKit.CreateAsync(App);
        var text = "Вы консультируете по разделу имущества? " + Guid.NewGuid();
        var body = App.Sim.Avito.ClientText(kit.UserId, "u2i-" + Guid.NewGuid().ToString("N"), 923456789, text, itemId: 4217766901);

        var response = await kit.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await kit.FindConversationAsync(text);
        Assert.NotNull(conversation);
        var source = JsonNode.Parse(conversation["sourceDetails"]!.GetValue<string>())!;
        Assert.Equal(4217766901, source["itemId"]!.GetValue<long>());
        Assert.Equal(body["payload"]!["value"]!["chat_id"]!.GetValue<string>(), source["chatId"]!.GetValue<string>());
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{conversation["contactId"]}");
        Assert.Contains(contact["identities"]!.AsArray(), i => i!["kind"]!.GetValue<string>() == "avito" && i["value"]!.GetValue<string>() == "923456789");
        Assert.Contains(kit.Calls, c => c.Method == "GET" && c.Path.Contains("/messenger/v3/accounts/", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Webhook_SameEventTwice_StoredOnce()
    {
        var kit = await AvitoTestKit.CreateAsync(App);
        var text = "Повтор " + Guid.NewGuid();
        var body = App.Sim.Avito.ClientText(kit.UserId, "u2u-" + Guid.NewGuid().ToString("N"), 923456790, text);

        await kit.PostAsync(body);
        await kit.PostAsync((JsonObject)body.DeepClone());

        var conversation = await kit.FindConversationAsync(text);
        Assert.Single(await kit.MessagesAsync(conversation!["id"]!.GetValue<long>()));
    }

    [SkippableFact]
    public async Task Webhook_MessageTheApiDoesNotConfirm_403AndNotStored()
    {
        var kit = await AvitoTestKit.CreateAsync(App);
        var text = "Подделка " + Guid.NewGuid();
        var chatId = "u2i-" + Guid.NewGuid().ToString("N");
        App.Sim.Avito.ClientText(kit.UserId, chatId, 923456791, "настоящее сообщение в том же чате");

        var response = await kit.PostAsync(App.Sim.Avito.Forged(kit.UserId, chatId, 923456791, text, itemId: 1));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await kit.FindConversationAsync(text));
    }

    [SkippableFact]
    public async Task Webhook_WrongPathToken_401AndApiNotCalled()
    {
        var kit = await AvitoTestKit.CreateAsync(App);
        var text = "Без токена " + Guid.NewGuid();
        var before = kit.Calls.Count;

        var wrong = await kit.PostAsync(App.Sim.Avito.ClientText(kit.UserId, "u2u-1", 923456792, text), $"/webhooks/{kit.ChannelId}/not-the-token");
        var missing = await kit.PostAsync(App.Sim.Avito.ClientText(kit.UserId, "u2u-1", 923456792, text), $"/webhooks/{kit.ChannelId}");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(before, kit.Calls.Count);
        Assert.Null(await kit.FindConversationAsync(text));
    }

    [SkippableFact]
    public async Task Webhook_EchoOfOwnMessage_Skipped()
    {
        var kit = await AvitoTestKit.CreateAsync(App);
        var chatId = "u2i-" + Guid.NewGuid().ToString("N");
        var first = "Клиент пишет " + Guid.NewGuid();
        await kit.PostAsync(App.Sim.Avito.ClientText(kit.UserId, chatId, 923456793, first, 77));

        var response = await kit.PostAsync(App.Sim.Avito.OwnEcho(kit.UserId, chatId, "Ответ из приложения Avito"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await kit.FindConversationAsync(first);
        var messages = await kit.MessagesAsync(conversation!["id"]!.GetValue<long>());
        Assert.Single(messages);
    }

    [SkippableFact]
    public async Task Webhook_ListWrappedInObject_Confirmed()
    {
        var kit = await AvitoTestKit.CreateAsync(App, wrapLists: true);
        var text = "Список в обёртке " + Guid.NewGuid();

        var response = await kit.PostAsync(App.Sim.Avito.ClientText(kit.UserId, "u2u-" + Guid.NewGuid().ToString("N"), 923456794, text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await kit.FindConversationAsync(text));
    }

    [SkippableFact]
    public async Task Poll_WebhookMissed_MessageReconciledAndChatMarkedRead()
    {
        var kit = await AvitoTestKit.CreateAsync(App, pollSeconds: 1);
        var chatId = "u2i-" + Guid.NewGuid().ToString("N");
        var text = "Вебхук потерялся " + Guid.NewGuid();
        App.Sim.Avito.ClientText(kit.UserId, chatId, 923456796, text, itemId: 4217760001); // in Avito, never posted to us

        var conversation = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(text), TimeSpan.FromSeconds(20), "the reconciled message");
        await OknoApp.EventuallyAsync(() => Task.FromResult(App.Sim.Avito.IsChatRead(chatId)), what: "the chat marked read");

        Assert.Equal(4217760001, JsonNode.Parse(conversation["sourceDetails"]!.GetValue<string>())!["itemId"]!.GetValue<long>());
        await Task.Delay(1500); // another round sees the chat read and adds nothing
        Assert.Single(await kit.MessagesAsync(conversation["id"]!.GetValue<long>()));
    }

    [SkippableFact]
    public async Task Webhook_Image_LargestSizeDownloaded()
    {
        var kit = await AvitoTestKit.CreateAsync(App);
        var bytes = Encoding.UTF8.GetBytes("big-jpeg-" + Guid.NewGuid());
        var chatId = "u2i-" + Guid.NewGuid().ToString("N");
        await kit.PostAsync(App.Sim.Avito.ClientImage(kit.UserId, chatId, 923456795, bytes, 5));
        var conversation = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync("photo.jpg"), what: "the photo conversation");

        var url = await OknoApp.EventuallyAsync(async () =>
            (await kit.MessagesAsync(conversation["id"]!.GetValue<long>()))[0]!["attachments"]!.AsArray().FirstOrDefault()?["url"]?.GetValue<string>(), what: "the photo to be stored");
        using var client = App.Api();
        Assert.Equal(bytes, await client.GetByteArrayAsync(url));
    }
}

public sealed class AvitoWebhookSqliteTests(SqliteOknoApp app) : AvitoWebhookTests<SqliteOknoApp>(app);

public sealed class AvitoWebhookPostgresTests(PostgresOknoApp app) : AvitoWebhookTests<PostgresOknoApp>(app);
