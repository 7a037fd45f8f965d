using System.Net;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.WhatsAppCloud;

public abstract class WhatsAppCloudSendTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private async Task<(WhatsAppCloudTestKit Kit, string Phone, long ConversationId)> ClientWroteAsync(DateTimeOffset? at = null)
    {
        var kit = await WhatsAppCloudTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var text = "Вопрос клиента " + Guid.NewGuid();
        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync(kit.Text(phone, text, at))).StatusCode);
        var conversation = await Inbox.ConversationAsync(App, text);
        return (kit, phone, conversation["id"]!.GetValue<long>());
    }

    [SkippableFact]
    public async Task Reply_Text_PostedToMessagesEdgeAsDocumented()
    {
        var (kit, phone, conversationId) = await ClientWroteAsync();
        var text = "Здравствуйте! Пришлите, пожалуйста, договор " + Guid.NewGuid();

        var sent = await Inbox.ReplyAndWaitSentAsync(App, conversationId, text);

        Assert.Equal("sent", sent["status"]!.GetValue<string>());
        var call = Assert.Single(kit.MessageCalls());
        Assert.Equal($"/whatsapp-cloud/v21.0/{kit.PhoneNumberId}/messages", call.Path);
        Assert.Equal("Bearer " + kit.AccessToken, call.Headers["Authorization"]);
        Assert.StartsWith("application/json", call.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("whatsapp", call.Body["messaging_product"]!.GetValue<string>());
        Assert.Equal("individual", call.Body["recipient_type"]!.GetValue<string>());
        Assert.Equal(phone, call.Body["to"]!.GetValue<string>());
        Assert.Equal("text", call.Body["type"]!.GetValue<string>());
        Assert.Equal(text, call.Body["text"]!["body"]!.GetValue<string>());
        Assert.StartsWith("wamid.", sent["externalId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Reply_ClientLastWrote25HoursAgo_Text422AndTemplateSentAsTemplate()
    {
        var (kit, phone, conversationId) = await ClientWroteAsync(DateTimeOffset.UtcNow.AddHours(-25));

        var route = Assert.Single(await Inbox.RoutesAsync(App, conversationId));
        using var text = await Inbox.ReplyAsync(App, conversationId, new JsonObject { ["text"] = "Добрый день" });
        var template = "{\"name\":\"case_update\",\"language\":{\"code\":\"ru\"},\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Иван\"}]}]}";
        using var withTemplate = await Inbox.ReplyAsync(App, conversationId, new JsonObject { ["template"] = template });

        Assert.True(route["templateOnly"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, text.StatusCode);
        Assert.Equal("application/problem+json", text.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await text.Content.ReadAsStringAsync())!;
        Assert.Contains("шаблон", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, withTemplate.StatusCode);
        var call = await OknoApp.EventuallyAsync(() => Task.FromResult(kit.MessageCalls().FirstOrDefault()), what: "the template send");
        Assert.Equal("template", call.Body["type"]!.GetValue<string>());
        Assert.Equal(phone, call.Body["to"]!.GetValue<string>());
        Assert.Equal("case_update", call.Body["template"]!["name"]!.GetValue<string>());
        Assert.Equal("ru", call.Body["template"]!["language"]!["code"]!.GetValue<string>());
        Assert.Equal("Иван", call.Body["template"]!["components"]![0]!["parameters"]![0]!["text"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Statuses_OutOfOrderAndLateFailure_NeverDowngradeFromRead()
    {
        var (kit, phone, conversationId) = await ClientWroteAsync();
        var sent = await Inbox.ReplyAndWaitSentAsync(App, conversationId, "Документы получены " + Guid.NewGuid());
        var wamid = sent["externalId"]!.GetValue<string>();
        var id = sent["id"]!.GetValue<long>();

        await kit.PostAsync(kit.Sim.Status(kit.PhoneNumberId, wamid, "read", phone));
        await kit.PostAsync(kit.Sim.Status(kit.PhoneNumberId, wamid, "delivered", phone));
        await kit.PostAsync(kit.Sim.Status(kit.PhoneNumberId, wamid, "sent", phone));
        await kit.PostAsync(kit.Sim.Status(kit.PhoneNumberId, wamid, "failed", phone, 131026, "Message Undeliverable"));

        var message = await Inbox.MessageWhenAsync(App, conversationId, id, m => m["status"]!.GetValue<string>() == "read", "read status");
        await Task.Delay(300);
        message = (await Inbox.MessagesAsync(App, conversationId)).Single(m => m["id"]!.GetValue<long>() == id);
        Assert.Equal("read", message["status"]!.GetValue<string>());
        Assert.Null(message["error"]);
    }

    [SkippableFact]
    public async Task Statuses_FailedWithErrorCode_FailedWithRussianReason()
    {
        var (kit, phone, conversationId) = await ClientWroteAsync();
        var sent = await Inbox.ReplyAndWaitSentAsync(App, conversationId, "Ответ " + Guid.NewGuid());

        await kit.PostAsync(kit.Sim.Status(kit.PhoneNumberId, sent["externalId"]!.GetValue<string>(), "failed", phone, 131047, "Re-engagement message"));

        var failed = await Inbox.MessageWhenAsync(App, conversationId, sent["id"]!.GetValue<long>(), m => m["status"]!.GetValue<string>() == "failed", "failed status");
        Assert.Contains("шаблон", failed["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Send_RateLimited130429_RetriedAndSent()
    {
        var (kit, _, conversationId) = await ClientWroteAsync();
        kit.Sim.FailNext("messages", 130429, "(#130429) Rate limit hit");

        var sent = await Inbox.ReplyAndWaitSentAsync(App, conversationId, "После паузы " + Guid.NewGuid());

        Assert.Equal("sent", sent["status"]!.GetValue<string>());
        Assert.Equal(2, kit.MessageCalls().Count);
    }

    [SkippableFact]
    public async Task Send_Graph500_RetriedAndSent()
    {
        var (kit, _, conversationId) = await ClientWroteAsync();
        kit.Sim.FailNext("messages", 2, "An unexpected error has occurred. Please retry your request later.", httpStatus: 500);

        var sent = await Inbox.ReplyAndWaitSentAsync(App, conversationId, "После сбоя " + Guid.NewGuid());

        Assert.Equal("sent", sent["status"]!.GetValue<string>());
        Assert.Equal(2, kit.MessageCalls().Count);
    }

    [SkippableFact]
    public async Task Send_WindowClosed131047_FailedSayingATemplateIsNeeded()
    {
        var (kit, _, conversationId) = await ClientWroteAsync();
        kit.Sim.FailNext("messages", 131047, "(#131047) Re-engagement message");

        var failed = await Inbox.ReplyAndWaitSentAsync(App, conversationId, "Поздно " + Guid.NewGuid());

        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.Contains("шаблон", failed["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(kit.MessageCalls());
    }

    [SkippableFact]
    public async Task Send_Undeliverable131026_FailedWithReasonNoRetry()
    {
        var (kit, _, conversationId) = await ClientWroteAsync();
        kit.Sim.FailNext("messages", 131026, "(#131026) Message Undeliverable.");

        var failed = await Inbox.ReplyAndWaitSentAsync(App, conversationId, "Не дойдёт " + Guid.NewGuid());

        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.Contains("нет WhatsApp", failed["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(kit.MessageCalls());
    }

    [SkippableFact]
    public async Task Send_ExpiredToken190_FailedAndChannelNeedsAttention()
    {
        var (kit, _, conversationId) = await ClientWroteAsync();
        kit.Sim.RevokeToken(kit.AccessToken);

        var failed = await Inbox.ReplyAndWaitSentAsync(App, conversationId, "Токен истёк " + Guid.NewGuid());

        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.Contains("Токен доступа", failed["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var channel = await Inbox.ChannelAsync(App, kit.ChannelId);
        Assert.Equal("needs_attention", channel["status"]!.GetValue<string>());
    }
}

public sealed class WhatsAppCloudSendSqliteTests(SqliteOknoApp app) : WhatsAppCloudSendTests<SqliteOknoApp>(app);

public sealed class WhatsAppCloudSendPostgresTests(PostgresOknoApp app) : WhatsAppCloudSendTests<PostgresOknoApp>(app);
