using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Telegram;

public abstract class TelegramOutboundTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private async Task<(TelegramTestKit Kit, long ConversationId)> ClientWroteAsync(long userId)
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var text = "Нужна консультация " + Guid.NewGuid();
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(userId, text));
        var conversation = await kit.FindConversationAsync(text);
        return (kit, conversation!["id"]!.GetValue<long>());
    }

    private async Task<JsonObject> ReplyAsync(long conversationId, string text)
    {
        using var client = App.Api();
        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { text });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonNode> WaitForStatusAsync(TelegramTestKit kit, long conversationId, long messageId, string status, TimeSpan? timeout = null) =>
        await OknoApp.EventuallyAsync(async () => (await kit.MessagesAsync(conversationId))
            .FirstOrDefault(m => m!["id"]!.GetValue<long>() == messageId && m["status"]!.GetValue<string>() == status), timeout, $"status {status}");

    [SkippableFact]
    public async Task Reply_ReachesStandInWithChatIdAndText_StatusSent()
    {
        var (kit, conversationId) = await ClientWroteAsync(6001);
        var text = "Добрый день! Юрист свяжется с вами " + Guid.NewGuid();

        var accepted = await ReplyAsync(conversationId, text);

        Assert.Equal("pending", accepted["status"]!.GetValue<string>());
        Assert.Equal(kit.ChannelId, accepted["channelId"]!.GetValue<string>());
        var message = await WaitForStatusAsync(kit, conversationId, accepted["id"]!.GetValue<long>(), "sent");
        var call = Assert.Single(App.Sim.Telegram.CallsTo("sendMessage"), c => c.Body["text"]?.GetValue<string>() == text);
        Assert.Equal("6001", call.Body["chat_id"]!.ToString());
        Assert.Equal($"/bot{TelegramTestKit.BotToken}/sendMessage", call.Path);
        Assert.StartsWith("6001:", message["externalId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Reply_Telegram429_RetriedAfterRetryAfter()
    {
        var (kit, conversationId) = await ClientWroteAsync(6002);
        var text = "Ответ после паузы " + Guid.NewGuid();
        App.Sim.Telegram.FailNext("sendMessage", 429, "Too Many Requests", retryAfter: 3);

        var accepted = await ReplyAsync(conversationId, text);
        await WaitForStatusAsync(kit, conversationId, accepted["id"]!.GetValue<long>(), "sent", TimeSpan.FromSeconds(20));

        var calls = App.Sim.Telegram.CallsTo("sendMessage").Where(c => c.Body["text"]?.GetValue<string>() == text).OrderBy(c => c.At).ToList();
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(2.9), $"retried after {(calls[1].At - calls[0].At).TotalSeconds:F1} s");
    }

    [SkippableFact]
    public async Task Reply_BotBlockedByUser_FailedWithReason()
    {
        var (kit, conversationId) = await ClientWroteAsync(6003);
        App.Sim.Telegram.BlockBot(6003);

        var accepted = await ReplyAsync(conversationId, "Вы здесь?");
        var message = await WaitForStatusAsync(kit, conversationId, accepted["id"]!.GetValue<long>(), "failed");

        Assert.Contains("заблокировал", message["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var routes = await App.GetJsonAsync($"/api/v1/conversations/{conversationId}/routes");
        var route = Assert.Single(routes["items"]!.AsArray());
        Assert.False(route!["usable"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task Reply_EmptyText_422ProblemDetails()
    {
        var (_, conversationId) = await ClientWroteAsync(6004);
        using var client = App.Api();
        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { text = "   " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Reply_ChannelTheContactIsNotOn_Refused()
    {
        var (_, conversationId) = await ClientWroteAsync(6005);
        var other = await TelegramTestKit.CreateAsync(App);
        using var client = App.Api();
        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { text = "Привет", channelId = other.ChannelId });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [SkippableFact]
    public async Task Message_AfterResolve_OpensNewConversation()
    {
        var (kit, conversationId) = await ClientWroteAsync(6006);
        using var client = App.Api();
        (await client.PostAsync($"/api/v1/conversations/{conversationId}/resolve", null)).EnsureSuccessStatusCode();

        var text = "Снова здравствуйте " + Guid.NewGuid();
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(6006, text));

        var second = await kit.FindConversationAsync(text);
        Assert.NotEqual(conversationId, second!["id"]!.GetValue<long>());
        var first = await App.GetJsonAsync($"/api/v1/conversations/{conversationId}");
        Assert.Equal(first["contactId"]!.GetValue<long>(), second["contactId"]!.GetValue<long>());
        Assert.Equal("resolved", first["status"]!.GetValue<string>());
    }
}

public sealed class TelegramOutboundSqliteTests(SqliteOknoApp app) : TelegramOutboundTests<SqliteOknoApp>(app);

public sealed class TelegramOutboundPostgresTests(PostgresOknoApp app) : TelegramOutboundTests<PostgresOknoApp>(app);
