using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Avito;

public abstract class AvitoSendTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private async Task<(AvitoTestKit Kit, long ConversationId, string ChatId)> ConversationAsync(int tokenLifetimeSeconds = 86400)
    {
        var kit = await AvitoTestKit.CreateAsync(App, tokenLifetimeSeconds);
        var chatId = "u2i-" + Guid.NewGuid().ToString("N");
        var text = "Нужна консультация " + Guid.NewGuid();
        await kit.PostAsync(App.Sim.Avito.ClientText(kit.UserId, chatId, 923450001, text, 4217766901));
        var conversation = await kit.FindConversationAsync(text) ?? throw new InvalidOperationException("no conversation");
        return (kit, conversation["id"]!.GetValue<long>(), chatId);
    }

    [SkippableFact]
    public async Task Reply_Text_PostsDocumentedShapeAndMarksChatRead()
    {
        var (kit, conversationId, chatId) = await ConversationAsync();
        var text = "Добрый день! Да, консультируем. " + Guid.NewGuid();

        var id = await kit.ReplyAsync(conversationId, text);
        var sent = await kit.WaitForStatusAsync(conversationId, id, "sent");

        var send = Assert.Single(kit.Calls, c => c.Path.EndsWith($"/messenger/v1/accounts/{kit.UserId}/chats/{chatId}/messages", StringComparison.Ordinal));
        Assert.Equal("POST", send.Method);
        Assert.Equal("text", send.Body["type"]!.GetValue<string>());
        Assert.Equal(text, send.Body["message"]!["text"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(sent["externalId"]?.GetValue<string>()));
        Assert.Contains(kit.Calls, c => c.Method == "POST" && c.Path.EndsWith($"/chats/{chatId}/read", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Reply_AfterTokenExpiry_NewTokenObtainedAndSent()
    {
        var (kit, conversationId, _) = await ConversationAsync(tokenLifetimeSeconds: 2);
        var tokensBefore = kit.TokenRequests;
        await Task.Delay(TimeSpan.FromSeconds(2.2)); // the stand-in now refuses the old token

        var id = await kit.ReplyAsync(conversationId, "После истечения токена");
        await kit.WaitForStatusAsync(conversationId, id, "sent");

        Assert.True(kit.TokenRequests > tokensBefore, "a new token must be requested once the old one expires");
        var last = kit.Calls.Last(c => c.Path.EndsWith("/messages", StringComparison.Ordinal) && c.Method == "POST");
        Assert.StartsWith("Bearer avito-token-", last.Headers["Authorization"], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Reply_TokenRevoked_401ThenRefreshedAndSent()
    {
        var (kit, conversationId, _) = await ConversationAsync();
        var tokensBefore = kit.TokenRequests;
        App.Sim.Avito.RevokeTokens(kit.ClientId);

        var id = await kit.ReplyAsync(conversationId, "После отзыва токена");
        await kit.WaitForStatusAsync(conversationId, id, "sent");

        Assert.Equal(tokensBefore + 1, kit.TokenRequests);
        var sends = kit.Calls.Where(c => c.Method == "POST" && c.Path.EndsWith("/messages", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sends.Count); // refused once with the revoked token, then accepted with the new one
        Assert.NotEqual(sends[0].Headers["Authorization"], sends[1].Headers["Authorization"]);
    }

    [SkippableFact]
    public async Task Reply_LongerThan1000Chars_422NamingTheLimitAndNotPosted()
    {
        var (kit, conversationId, _) = await ConversationAsync();
        using var client = App.Api();

        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { text = new string('а', 1001) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("1000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(kit.Calls, c => c.Method == "POST" && c.Path.EndsWith("/messages", StringComparison.Ordinal));
    }
}

public sealed class AvitoSendSqliteTests(SqliteOknoApp app) : AvitoSendTests<SqliteOknoApp>(app);

public sealed class AvitoSendPostgresTests(PostgresOknoApp app) : AvitoSendTests<PostgresOknoApp>(app);
