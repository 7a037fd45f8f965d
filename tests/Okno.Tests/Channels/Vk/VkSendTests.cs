using Okno.Channels.Vk;
using Okno.Core.Channels;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Vk;

public abstract class VkSendTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private async Task<(VkTestKit Kit, long ConversationId)> ConversationAsync(long user)
    {
        var kit = await VkTestKit.CreateAsync(App);
        var text = "Вопрос " + Guid.NewGuid();
        await kit.PostAsync(kit.Sim.TextMessage(kit.GroupId, user, text));
        return (kit, (await kit.FindConversationAsync(text))!["id"]!.GetValue<long>());
    }

    [SkippableFact]
    public async Task Reply_MessagesSendFormShapedAsDocumented_EchoNotDuplicated()
    {
        var (kit, id) = await ConversationAsync(700001);
        var text = "Добрый день! Пришлите, пожалуйста, копию свидетельства " + Guid.NewGuid();

        var messageId = await ConversationLookup.ReplyAsync(App, id, text);
        var sent = await ConversationLookup.SettledAsync(App, id, messageId);

        var call = Assert.Single(kit.Sim.CallsTo("messages.send"), c => c.Body["peer_id"]!.GetValue<string>() == "700001");
        Assert.Equal("POST", call.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", call.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(kit.Token, call.Body["access_token"]!.GetValue<string>());
        Assert.Equal("5.199", call.Body["v"]!.GetValue<string>());
        Assert.Equal(text, call.Body["message"]!.GetValue<string>());
        Assert.True(int.TryParse(call.Body["random_id"]!.GetValue<string>(), out var randomId) && randomId > 0);
        var delivered = Assert.Single(kit.Sim.SentTo(kit.GroupId, 700001));
        Assert.Equal("sent", sent["status"]!.GetValue<string>());
        Assert.Equal(delivered.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), sent["externalId"]!.GetValue<string>());

        // VK posts message_reply for our own send: it must not show up a second time.
        await kit.PostAsync(kit.Sim.EchoEvent(kit.GroupId, delivered));
        var messages = await kit.MessagesAsync(id);
        Assert.Single(messages, m => m!["text"]!.GetValue<string>() == text);
    }

    [SkippableFact]
    public async Task Reply_AnswerLostAfterVkSent_RetryWithSameRandomIdSendsNothingNew()
    {
        var (kit, id) = await ConversationAsync(700002);
        kit.Sim.LoseNextSendResponse();

        var messageId = await ConversationLookup.ReplyAsync(App, id, "Ответ юриста " + Guid.NewGuid());
        var sent = await ConversationLookup.SettledAsync(App, id, messageId);

        var calls = kit.Sim.CallsTo("messages.send").Where(c => c.Body["peer_id"]!.GetValue<string>() == "700002").ToList();
        Assert.Equal(2, calls.Count);
        Assert.Equal(calls[0].Body["random_id"]!.GetValue<string>(), calls[1].Body["random_id"]!.GetValue<string>());
        var delivered = Assert.Single(kit.Sim.SentTo(kit.GroupId, 700002));
        Assert.Equal("sent", sent["status"]!.GetValue<string>());
        Assert.Equal(delivered.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), sent["externalId"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Reply_EchoStoredBeforeSendConfirmed_ShownOnceAsOurMessage()
    {
        var (kit, id) = await ConversationAsync(700006);
        kit.Sim.LoseNextSendResponse(); // VK sends, the answer is lost; its message_reply reaches us before our retry
        var text = "Ответ, чьё эхо пришло раньше " + Guid.NewGuid();

        var messageId = await ConversationLookup.ReplyAsync(App, id, text);
        var delivered = await OknoApp.EventuallyAsync(() => Task.FromResult(kit.Sim.SentTo(kit.GroupId, 700006).FirstOrDefault()), what: "VK to send");
        var echo = await kit.PostAsync(kit.Sim.EchoEvent(kit.GroupId, delivered));
        var sent = await ConversationLookup.SettledAsync(App, id, messageId);

        Assert.Equal("ok", await echo.Content.ReadAsStringAsync());
        Assert.Equal("sent", sent["status"]!.GetValue<string>());
        var stored = Assert.Single(await kit.MessagesAsync(id), m => m!["text"]!.GetValue<string>() == text);
        Assert.Equal(messageId, stored!["id"]!.GetValue<long>());
        Assert.Equal(delivered.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), stored["externalId"]!.GetValue<string>());
        Assert.Single(kit.Sim.SentTo(kit.GroupId, 700006));
    }

    [SkippableFact]
    public async Task Reply_Error901_FailedInRussianAndRouteBlocked()
    {
        var (kit, id) = await ConversationAsync(700003);
        kit.Sim.FailNext("messages.send", 901, "Can't send messages for users without permission");

        var sent = await ConversationLookup.SettledAsync(App, id, await ConversationLookup.ReplyAsync(App, id, "Здравствуйте"));

        Assert.Equal("failed", sent["status"]!.GetValue<string>());
        Assert.Contains("не разрешил сообщения", sent["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var route = Assert.Single(await ConversationLookup.RoutesAsync(App, id));
        Assert.False(route!["usable"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task Reply_Error5_FailedAndChannelNeedsAttention()
    {
        var (kit, id) = await ConversationAsync(700004);
        kit.Sim.FailNext("messages.send", 5, "User authorization failed: invalid access_token (4).");

        var sent = await ConversationLookup.SettledAsync(App, id, await ConversationLookup.ReplyAsync(App, id, "Здравствуйте"));

        Assert.Equal("failed", sent["status"]!.GetValue<string>());
        var channel = await App.GetJsonAsync($"/api/v1/channels/{kit.ChannelId}");
        Assert.Equal("needs_attention", channel["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Reply_Error6TooManyRequests_RetriedThenSent()
    {
        var (kit, id) = await ConversationAsync(700005);
        kit.Sim.FailNext("messages.send", 6, "Too many requests per second");

        var sent = await ConversationLookup.SettledAsync(App, id, await ConversationLookup.ReplyAsync(App, id, "Здравствуйте"));

        Assert.Equal("sent", sent["status"]!.GetValue<string>());
        Assert.Equal(2, kit.Sim.CallsTo("messages.send").Count(c => c.Body["peer_id"]!.GetValue<string>() == "700005"));
    }

    [SkippableFact]
    public async Task ChannelCreated_TokenChecked_Connected()
    {
        var kit = await VkTestKit.CreateAsync(App);
        var channel = await App.GetJsonAsync($"/api/v1/channels/{kit.ChannelId}");
        Assert.Equal("connected", channel["status"]!.GetValue<string>());
        Assert.Contains(kit.Sim.CallsTo("groups.getById"), c => c.Body["access_token"]!.GetValue<string>() == kit.Token);
        Assert.StartsWith("••••", channel["settings"]!["accessToken"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

public sealed class VkSendSqliteTests(SqliteOknoApp app) : VkSendTests<SqliteOknoApp>(app);

public sealed class VkSendPostgresTests(PostgresOknoApp app) : VkSendTests<PostgresOknoApp>(app);

public sealed class VkErrorMappingTests
{
    [Theory]
    [InlineData(901, DeliveryOutcome.Failed, true, null)]
    [InlineData(902, DeliveryOutcome.Failed, false, null)]
    [InlineData(900, DeliveryOutcome.Failed, true, null)]
    [InlineData(6, DeliveryOutcome.Retry, false, null)]
    [InlineData(9, DeliveryOutcome.Retry, false, null)]
    [InlineData(29, DeliveryOutcome.Retry, false, null)]
    [InlineData(10, DeliveryOutcome.Retry, false, null)]
    [InlineData(5, DeliveryOutcome.Failed, false, ChannelStatus.NeedsAttention)]
    public void MapError_DocumentedCode_MappedToOutcome(int code, DeliveryOutcome outcome, bool blocked, ChannelStatus? status)
    {
        var result = VkConnector.MapError(code, "error");
        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(blocked, result.RecipientBlocked);
        Assert.Equal(status, result.ChannelStatus);
        Assert.Matches("[а-яА-Я]", result.Reason);
    }

    [Fact]
    public void RandomIdFor_SameOutboxRow_StableAndDistinctAcrossRows()
    {
        var channel = Guid.NewGuid();
        Assert.Equal(VkConnector.RandomIdFor(channel, 42), VkConnector.RandomIdFor(channel, 42));
        var ids = Enumerable.Range(1, 10_000).Select(i => VkConnector.RandomIdFor(channel, i)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(id > 0));
    }
}
