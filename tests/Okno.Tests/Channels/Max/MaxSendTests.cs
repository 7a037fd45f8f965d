using System.Net;
using Okno.Channels.Max;
using Okno.Core.Channels;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Max;

public abstract class MaxSendTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private async Task<(MaxTestKit Kit, long ConversationId)> ConversationAsync(long user)
    {
        var kit = await MaxTestKit.CreateAsync(App);
        var text = "Вопрос " + Guid.NewGuid();
        await kit.PostAsync(kit.Sim.TextUpdate(kit.Token, user, text));
        return (kit, (await kit.FindConversationAsync(text))!["id"]!.GetValue<long>());
    }

    private static List<Okno.Simulators.RecordedCall> SendsTo(MaxTestKit kit, long user) =>
        kit.Sim.CallsTo("/messages").Where(c => c.Body["?user_id"]?.GetValue<string>() == user.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [SkippableFact]
    public async Task Reply_PostMessagesShapedAsDocumented_SentWithMid()
    {
        var (kit, id) = await ConversationAsync(800001);
        var text = "Добрый день! Уточните, пожалуйста, дату открытия наследства " + Guid.NewGuid();

        var sent = await ConversationLookup.SettledAsync(App, id, await ConversationLookup.ReplyAsync(App, id, text));

        var call = Assert.Single(SendsTo(kit, 800001));
        Assert.Equal("POST", call.Method);
        Assert.Equal(kit.Token, call.Headers["Authorization"]); // the bare token: no "Bearer"
        Assert.StartsWith("application/json", call.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(text, call.Body["text"]!.GetValue<string>());
        var delivered = Assert.Single(kit.Sim.SentTo(kit.Token, 800001));
        Assert.Equal("sent", sent["status"]!.GetValue<string>());
        Assert.Equal(delivered.Mid, sent["externalId"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Reply_UserStoppedBot403_FailedAndRouteBlocked()
    {
        var (kit, id) = await ConversationAsync(800002);
        kit.Sim.BotStopped(kit.Token, 800002); // the stand-in now answers 403 chat.denied

        var sent = await ConversationLookup.SettledAsync(App, id, await ConversationLookup.ReplyAsync(App, id, "Здравствуйте"));

        Assert.Equal("failed", sent["status"]!.GetValue<string>());
        Assert.Contains("остановил бота", sent["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(Assert.Single(await ConversationLookup.RoutesAsync(App, id))!["usable"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task BotStopped_Update_RouteBlocked()
    {
        var (kit, id) = await ConversationAsync(800003);

        var response = await kit.PostAsync(kit.Sim.BotStopped(kit.Token, 800003));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var route = Assert.Single(await ConversationLookup.RoutesAsync(App, id));
        Assert.False(route!["usable"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task Reply_401_FailedAndChannelNeedsAttention()
    {
        var (kit, id) = await ConversationAsync(800004);
        kit.Sim.FailNext("/messages", 401, "verify.token", "Invalid access_token");

        var sent = await ConversationLookup.SettledAsync(App, id, await ConversationLookup.ReplyAsync(App, id, "Здравствуйте"));

        Assert.Equal("failed", sent["status"]!.GetValue<string>());
        Assert.Equal("needs_attention", (await App.GetJsonAsync($"/api/v1/channels/{kit.ChannelId}"))["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Reply_429WithRetryAfterThen503_RetriedThenSentOnce()
    {
        var (kit, id) = await ConversationAsync(800005);
        kit.Sim.FailNext("/messages", 429, "too.many.requests", "Too many requests", retryAfter: 1);
        kit.Sim.FailNext("/messages", 503, "service.unavailable", "Service unavailable");

        var sent = await ConversationLookup.SettledAsync(App, id, await ConversationLookup.ReplyAsync(App, id, "Здравствуйте"), TimeSpan.FromSeconds(30));

        Assert.Equal("sent", sent["status"]!.GetValue<string>());
        Assert.Equal(3, SendsTo(kit, 800005).Count);
        Assert.Single(kit.Sim.SentTo(kit.Token, 800005));
    }
}

public sealed class MaxSendSqliteTests(SqliteOknoApp app) : MaxSendTests<SqliteOknoApp>(app);

public sealed class MaxSendPostgresTests(PostgresOknoApp app) : MaxSendTests<PostgresOknoApp>(app);

public sealed class MaxErrorMappingTests
{
    [Theory]
    [InlineData(403, DeliveryOutcome.Failed, true, null)]
    [InlineData(401, DeliveryOutcome.Failed, false, ChannelStatus.NeedsAttention)]
    [InlineData(429, DeliveryOutcome.Retry, false, null)]
    [InlineData(503, DeliveryOutcome.Retry, false, null)]
    [InlineData(500, DeliveryOutcome.Retry, false, null)]
    [InlineData(400, DeliveryOutcome.Failed, false, null)]
    public void MapError_Status_MappedToOutcome(int status, DeliveryOutcome outcome, bool blocked, ChannelStatus? channelStatus)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        var result = MaxConnector.MapError(response, "code", "message", DateTimeOffset.UnixEpoch);
        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(blocked, result.RecipientBlocked);
        Assert.Equal(channelStatus, result.ChannelStatus);
    }

    [Fact]
    public void MapError_429WithRetryAfter_Honoured()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(42));
        Assert.Equal(TimeSpan.FromSeconds(42), MaxConnector.MapError(response, "too.many.requests", null, DateTimeOffset.UnixEpoch).RetryAfter);
    }
}
