using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Okno.Tests.Infrastructure;
using Okno.Web.Rules;

namespace Okno.Tests.Rules;

/// <summary>Issue 14, part 1–2: a client's message, a time on the clock and a rule's own effects, end to end.</summary>
public abstract class RulesEngineTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : RulesApp
{
    [SkippableFact]
    public async Task MessageReceived_ConditionsHold_ActionsRunInOrderAndTheFiringIsLogged()
    {
        var kit = await RulesKit.CreateAsync(App);
        var marker = RulesKit.Unique("развод");
        var label = "семья-" + marker[^4..];
        var rule = await kit.OnMessageAsync(marker,
            new JsonObject { ["type"] = "add_label", ["label"] = label },
            new JsonObject { ["type"] = "add_note", ["text"] = "Клиент {client_name}: семейный вопрос" },
            new JsonObject { ["type"] = "reply", ["text"] = "Здравствуйте, {client_name}! Передаём юристу по семейным делам." });
        var ruleId = rule["id"]!.GetValue<long>();

        var conversationId = await kit.ClientWritesAsync("Хочу подать на " + marker, name: "Марина");

        var log = Assert.Single(await kit.FiredAsync(ruleId));
        Assert.Equal(conversationId, log!["conversationId"]!.GetValue<long>());
        Assert.Equal("message.received", log["event"]!.GetValue<string>());
        Assert.Contains("message.text contains", log["why"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(log["ok"]!.GetValue<bool>());
        Assert.Equal(["add_label", "add_note", "reply"], log["actions"]!.AsArray().Select(a => a!["type"]!.GetValue<string>()));
        var messages = await kit.MessagesAsync(conversationId);
        Assert.Contains(messages, m => m!["kind"]!.GetValue<string>() == "note" && m["text"]!.GetValue<string>().Contains("Клиент Марина: семейный вопрос", StringComparison.Ordinal));
        var reply = messages.Single(m => m!["direction"]!.GetValue<string>() == "outbound" && m["kind"]!.GetValue<string>() == "text");
        Assert.Equal("Здравствуйте, Марина! Передаём юристу по семейным делам.", reply!["text"]!.GetValue<string>());
        Assert.Null(reply["authorId"]?.GetValue<long?>());
        await OknoApp.EventuallyAsync(() => Task.FromResult(App.Sim.Telegram.CallsTo("sendMessage").Any(c => c.Body["text"]?.ToString().Contains("Передаём юристу", StringComparison.Ordinal) == true)), what: "the reply at Telegram");
        var conversation = await App.GetJsonAsync($"/api/v1/conversations/{conversationId}");
        Assert.Contains(label, conversation["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        // The rule's own reply is not a client's message: it never fires the rule again.
        await Task.Delay(500);
        Assert.Single(await kit.LogAsync(ruleId));
    }

    [SkippableFact]
    public async Task OutOfHoursPreset_RepliesOncePerRequest_AndAgainForANewRequest()
    {
        var kit = await RulesKit.CreateAsync(App);
        using (var admin = App.Api())
        {
            var day = new JsonArray(new JsonArray("09:00", "18:00"));
            var week = new JsonObject();
            foreach (var d in new[] { "mon", "tue", "wed", "thu", "fri" }) week[d] = day.DeepClone();
            (await admin.PostAsJsonAsync("/api/v1/business-hours", new JsonObject { ["name"] = "Пн–Пт 9–18", ["timeZone"] = "Europe/Moscow", ["week"] = week })).EnsureSuccessStatusCode();
        }
        var marker = RulesKit.Unique("суббота");
        long ruleId;
        using (var admin = App.Api())
        {
            var created = await admin.PostAsync("/api/v1/rules/presets/out_of_hours", null);
            Assert.Equal(201, (int)created.StatusCode);
            var rule = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
            ruleId = rule["id"]!.GetValue<long>();
            Assert.Equal("out_of_hours", rule["preset"]!.GetValue<string>());
            // Only this test's messages (the app is shared by the class's tests).
            var conditions = rule["conditions"]!.AsArray();
            conditions.Add(RulesKit.Condition("message.text", "contains", marker));
            Assert.Equal(200, (int)(await admin.PatchAsJsonAsync($"/api/v1/rules/{ruleId}", new JsonObject { ["conditions"] = conditions.DeepClone() })).StatusCode);
        }
        var client = RulesKit.NewClient();

        var first = await kit.ClientWritesAsync("Здравствуйте, " + marker + " первое", client);
        await kit.FiredAsync(ruleId);
        var second = await kit.ClientWritesAsync("И ещё " + marker + " второе", client);
        await kit.FiredAsync(ruleId, 2);

        Assert.Equal(first, second);
        var replies = (await kit.MessagesAsync(first)).Where(m => m!["direction"]!.GetValue<string>() == "outbound" && m["kind"]!.GetValue<string>() == "text").ToList();
        Assert.Single(replies);
        Assert.Contains("нерабочее время", replies[0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var log = await kit.LogAsync(ruleId);
        Assert.Contains(log, l => l!["actions"]![0]!["detail"]!.GetValue<string>().Contains("уже отвечало", StringComparison.Ordinal));

        using (var admin = App.Api()) Assert.Equal(200, (int)(await admin.PostAsync($"/api/v1/conversations/{first}/resolve", null)).StatusCode);
        var third = await kit.ClientWritesAsync("Снова " + marker + " новое обращение", client);
        await kit.FiredAsync(ruleId, 3);

        Assert.NotEqual(first, third);
        Assert.Single(await kit.MessagesAsync(third), m => m!["direction"]!.GetValue<string>() == "outbound" && m["kind"]!.GetValue<string>() == "text");
    }

    [SkippableFact]
    public async Task NoStaffReply_FiresOnTheFakeClockAfterTheDelay_NotBefore_AndOnce()
    {
        var kit = await RulesKit.CreateAsync(App);
        var name = RulesKit.Unique("Ждущий");
        var rule = await kit.CreateAsync(new JsonObject
        {
            ["name"] = "Напомнить через 10 минут", ["event"] = "time.no_staff_reply", ["after"] = "PT10M",
            ["conditions"] = new JsonArray(RulesKit.Condition("contact.name", "eq", name)),
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "add_note", ["text"] = "Клиент ждёт ответа больше 10 минут" }),
        });
        var ruleId = rule["id"]!.GetValue<long>();
        var conversationId = await kit.ClientWritesAsync("Ответьте, пожалуйста " + Guid.NewGuid().ToString("N")[..6], name: name);

        App.Clock.Advance(TimeSpan.FromMinutes(9));
        await ScheduleOnceAsync();
        await Task.Delay(700);
        Assert.Empty(await kit.LogAsync(ruleId));

        App.Clock.Advance(TimeSpan.FromMinutes(2));
        await ScheduleOnceAsync();
        var log = Assert.Single(await kit.FiredAsync(ruleId));
        Assert.Equal("time.no_staff_reply", log!["event"]!.GetValue<string>());
        Assert.Contains(await kit.MessagesAsync(conversationId), m => m!["text"]?.GetValue<string>()?.Contains("больше 10 минут", StringComparison.Ordinal) == true);

        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await ScheduleOnceAsync();
        await Task.Delay(700);
        Assert.Single(await kit.LogAsync(ruleId)); // the same wait fires once
    }

    [SkippableFact]
    public async Task BeforeReturn_FiresWhenTheReturnIsNearer_ThanAfter()
    {
        var kit = await RulesKit.CreateAsync(App);
        var name = RulesKit.Unique("Передан");
        var (_, lawyerId) = await Security.SecurityKit.CreateUserAsync(App, "lawyer");
        var rule = await kit.CreateAsync(new JsonObject
        {
            ["name"] = "За 15 минут до возврата", ["event"] = "time.before_return", ["after"] = "PT15M",
            ["conditions"] = new JsonArray(RulesKit.Condition("contact.name", "eq", name)),
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "notify", ["userIds"] = new JsonArray(lawyerId), ["text"] = "Через 15 минут обращение вернётся" }),
        });
        var ruleId = rule["id"]!.GetValue<long>();
        var conversationId = await kit.ClientWritesAsync("Вопрос по наследству " + Guid.NewGuid().ToString("N")[..6], name: name);
        using (var admin = App.Api())
        {
            var handOff = await admin.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/handoff",
                new JsonObject { ["toUserId"] = lawyerId, ["comment"] = "посмотрите", ["returnBy"] = App.Clock.GetUtcNow().AddHours(1) });
            Assert.Equal(200, (int)handOff.StatusCode);
        }

        App.Clock.Advance(TimeSpan.FromMinutes(40));
        await ScheduleOnceAsync();
        await Task.Delay(700);
        Assert.Empty(await kit.LogAsync(ruleId));

        App.Clock.Advance(TimeSpan.FromMinutes(6));
        await ScheduleOnceAsync();
        var log = Assert.Single(await kit.FiredAsync(ruleId));
        Assert.Equal("time.before_return", log!["event"]!.GetValue<string>());
        Assert.Contains("уведомлено: 1", log["actions"]![0]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RefusedAction_LoggedOnTheConversation_LaterActionsStillRun()
    {
        var kit = await RulesKit.CreateAsync(App);
        var marker = RulesKit.Unique("шаблон");
        var rule = await kit.OnMessageAsync(marker,
            new JsonObject { ["type"] = "send_template", ["template"] = new JsonObject { ["name"] = "hello_world", ["language"] = "ru" } },
            new JsonObject { ["type"] = "add_note", ["text"] = "после шаблона" });
        var ruleId = rule["id"]!.GetValue<long>();

        var conversationId = await kit.ClientWritesAsync("Telegram без шаблонов " + marker);

        var log = Assert.Single(await kit.FiredAsync(ruleId));
        Assert.False(log!["ok"]!.GetValue<bool>());
        var actions = log["actions"]!.AsArray();
        Assert.False(actions[0]!["ok"]!.GetValue<bool>());
        Assert.Contains("WhatsApp Cloud", actions[0]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(actions[1]!["ok"]!.GetValue<bool>());
        var messages = await kit.MessagesAsync(conversationId);
        Assert.Contains(messages, m => m!["text"]?.GetValue<string>()?.Contains("действие «send_template» не выполнено", StringComparison.Ordinal) == true);
        Assert.Contains(messages, m => m!["text"]?.GetValue<string>()?.Contains("после шаблона", StringComparison.Ordinal) == true);
    }

    [SkippableFact]
    public async Task WebhookAction_DeliversRuleFiredThroughTheOutgoingWebhooks()
    {
        var kit = await RulesKit.CreateAsync(App);
        await using var receiver = await OutgoingWebhooks.WebhookReceiver.StartAsync();
        long endpointId;
        using (var admin = App.Api())
        {
            var created = await admin.PostAsJsonAsync("/api/v1/webhook-endpoints", new JsonObject { ["url"] = receiver.Url, ["events"] = new JsonArray("contact.merged") });
            Assert.Equal(201, (int)created.StatusCode);
            endpointId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
        }
        var marker = RulesKit.Unique("вебхук");
        var rule = await kit.OnMessageAsync(marker, new JsonObject { ["type"] = "webhook", ["endpointId"] = endpointId });

        var conversationId = await kit.ClientWritesAsync("Передайте в CRM " + marker);

        var received = Assert.Single(await receiver.WaitForAsync(1, "rule.fired", marker));
        var body = JsonNode.Parse(received.Body)!;
        Assert.Equal(rule["id"]!.GetValue<long>(), body["data"]!["ruleId"]!.GetValue<long>());
        Assert.Equal(conversationId, body["data"]!["conversation"]!["id"]!.GetValue<long>());
        Assert.Equal("message.received", body["data"]!["event"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task PerConversationCap_StopsRulesAndSaysSo()
    {
        var kit = await RulesKit.CreateAsync(App);
        var marker = RulesKit.Unique("повтор");
        var rule = await kit.OnMessageAsync(marker, new JsonObject { ["type"] = "add_note", ["text"] = "ещё раз" });
        var ruleId = rule["id"]!.GetValue<long>();
        var client = RulesKit.NewClient();

        long conversationId = 0;
        for (var i = 0; i <= RuleRunner.CapPerHour; i++) conversationId = await kit.ClientWritesAsync($"{marker} №{i}", client);

        var log = await kit.FiredAsync(ruleId, RuleRunner.CapPerHour + 1);
        Assert.Equal(RuleRunner.CapPerHour, log.Count(l => !l!["capped"]!.GetValue<bool>()));
        Assert.Single(log, l => l!["capped"]!.GetValue<bool>());
        Assert.Contains(await kit.MessagesAsync(conversationId), m => m!["text"]?.GetValue<string>()?.Contains("Правила остановлены", StringComparison.Ordinal) == true);
    }

    private async Task ScheduleOnceAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RuleScheduler>().RunOnceAsync(CancellationToken.None);
    }
}

public sealed class SqliteRulesEngineTests(SqliteRulesApp app) : RulesEngineTests<SqliteRulesApp>(app);

public sealed class PostgresRulesEngineTests(PostgresRulesApp app) : RulesEngineTests<PostgresRulesApp>(app);
