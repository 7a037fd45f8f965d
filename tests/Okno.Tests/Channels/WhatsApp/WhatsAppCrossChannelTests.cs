using System.Net;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.GreenApi;
using Okno.Tests.Channels.WhatsAppCloud;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.WhatsApp;

/// <summary>One phone, two WhatsApp channels of the firm: the grey number (Green-API) and the official one (Cloud API).</summary>
public abstract class WhatsAppCrossChannelTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task SamePhone_GreenApiThenCloud_OneContactOneConversationReplyLeavesThroughCloud()
    {
        var grey = await GreenApiTestKit.CreateAsync(App);
        var cloud = await WhatsAppCloudTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var first = "Пишу на серый номер " + Guid.NewGuid();
        var second = "А теперь на официальный " + Guid.NewGuid();

        Assert.Equal(HttpStatusCode.OK, (await grey.PostAsync(grey.Text(phone, first))).StatusCode);
        var conversation = await Inbox.ConversationAsync(App, first);
        Assert.Equal(HttpStatusCode.OK, (await cloud.PostAsync(cloud.Text(phone, second))).StatusCode);
        var after = await Inbox.ConversationAsync(App, second);
        var contactId = conversation["contactId"]!.GetValue<long>();
        var text = "Ответ клиенту " + Guid.NewGuid();
        using var reply = await Inbox.ReplyAsync(App, conversation["id"]!.GetValue<long>(), new JsonObject { ["text"] = text });
        var accepted = JsonNode.Parse(await reply.Content.ReadAsStringAsync())!;
        var call = await OknoApp.EventuallyAsync(() => Task.FromResult(cloud.MessageCalls().FirstOrDefault(c => c.Body["text"]?["body"]?.GetValue<string>() == text)), what: "the Cloud send");

        Assert.Equal(conversation["id"]!.GetValue<long>(), after["id"]!.GetValue<long>());
        Assert.Equal(contactId, after["contactId"]!.GetValue<long>());
        Assert.Single(await Inbox.ConversationsOfContactAsync(App, contactId));
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{contactId}");
        var phoneIdentity = Assert.Single(contact["identities"]!.AsArray(), i => i!["kind"]!.GetValue<string>() == "phone");
        Assert.Equal($"+{phone}", phoneIdentity!["value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        Assert.Equal(cloud.ChannelId, accepted["channelId"]!.GetValue<string>());
        Assert.Equal(phone, call.Body["to"]!.GetValue<string>());
        Assert.Empty(grey.Sim.CallsTo("sendMessage", grey.IdInstance));
        var messages = await Inbox.MessagesAsync(App, conversation["id"]!.GetValue<long>());
        Assert.Equal([grey.ChannelId, cloud.ChannelId, cloud.ChannelId], messages.Select(m => m["channelId"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task GreyNumberBlocked_RoutesShowGreenApiUnusableWithReasonAndCloudUsable()
    {
        var grey = await GreenApiTestKit.CreateAsync(App);
        var cloud = await WhatsAppCloudTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var first = "Официальный " + Guid.NewGuid();
        await cloud.PostAsync(cloud.Text(phone, first));
        var conversationId = (await Inbox.ConversationAsync(App, first))["id"]!.GetValue<long>();
        var second = "Серый " + Guid.NewGuid();
        await grey.PostAsync(grey.Text(phone, second));
        await Inbox.ConversationAsync(App, second);

        Assert.Equal(HttpStatusCode.OK, (await grey.PostAsync(grey.Sim.StateChanged(grey.IdInstance, "blocked"))).StatusCode);

        var routes = await OknoApp.EventuallyAsync(async () =>
        {
            var list = await Inbox.RoutesAsync(App, conversationId);
            return list.Any(r => r["channelId"]!.GetValue<string>() == grey.ChannelId && !r["usable"]!.GetValue<bool>()) ? list : null;
        }, what: "the grey route to become unusable");
        var greyRoute = Assert.Single(routes, r => r["channelId"]!.GetValue<string>() == grey.ChannelId);
        var cloudRoute = Assert.Single(routes, r => r["channelId"]!.GetValue<string>() == cloud.ChannelId);
        Assert.Equal("whatsapp_greenapi", greyRoute["kind"]!.GetValue<string>());
        Assert.False(greyRoute["usable"]!.GetValue<bool>());
        Assert.Contains("заблокирован", greyRoute["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(cloudRoute["usable"]!.GetValue<bool>());
        Assert.False(cloudRoute["templateOnly"]!.GetValue<bool>());
        Assert.Equal("blocked", (await Inbox.ChannelAsync(App, grey.ChannelId))["status"]!.GetValue<string>());

        // The grey number was the default (latest inbound); it is refused with its reason, and the Cloud channel still works.
        using var refused = await Inbox.ReplyAsync(App, conversationId, new JsonObject { ["text"] = "через серый" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var viaCloud = "Через официальный " + Guid.NewGuid();
        using var ok = await Inbox.ReplyAsync(App, conversationId, new JsonObject { ["text"] = viaCloud, ["channelId"] = cloud.ChannelId });
        Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        await OknoApp.EventuallyAsync(() => Task.FromResult(cloud.MessageCalls().Any(c => c.Body["text"]?["body"]?.GetValue<string>() == viaCloud)), what: "the Cloud send");
    }
}

public sealed class WhatsAppCrossChannelSqliteTests(SqliteOknoApp app) : WhatsAppCrossChannelTests<SqliteOknoApp>(app);

public sealed class WhatsAppCrossChannelPostgresTests(PostgresOknoApp app) : WhatsAppCrossChannelTests<PostgresOknoApp>(app);
