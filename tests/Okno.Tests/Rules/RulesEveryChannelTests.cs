using System.Text.Json.Nodes;
using Okno.Tests.Channels;
using Okno.Tests.Channels.Avito;
using Okno.Tests.Channels.Email;
using Okno.Tests.Channels.GreenApi;
using Okno.Tests.Channels.Max;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Channels.Vk;
using Okno.Tests.Channels.Waha;
using Okno.Tests.Channels.WebChat;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Channels.WhatsAppCloud;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Rules;

/// <summary>
/// Issue 14's "one logic for every channel": the same client message through every channel kind's webhook (each with
/// its stand-in; e-mail through the real mail server) fires the same rule with the same actions, and the rule's reply
/// leaves through the channel the client wrote to.
/// </summary>
public abstract class RulesEveryChannelTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private const string RuleName = "Один для всех каналов: развод";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static long _nextUser = 510_000_000 + Random.Shared.Next(0, 1_000_000) * 10L;

    [SkippableTheory]
    [InlineData("telegram")]
    [InlineData("whatsapp_cloud")]
    [InlineData("whatsapp_greenapi")]
    [InlineData("whatsapp_waha")]
    [InlineData("vk")]
    [InlineData("max")]
    [InlineData("email")]
    [InlineData("webchat")]
    [InlineData("avito")]
    public async Task SameMessage_AnyChannel_SameRuleFiresWithTheSameActions(string kind)
    {
        var ruleId = await RuleAsync();
        var marker = Guid.NewGuid().ToString("N")[..12];
        var text = $"Добрый день! Нужна консультация по разводу, {marker}";

        var channelId = await WriteAsync(kind, text);

        // The channel is new: its one conversation is the client's (the preview soon shows the rule's reply, not the text).
        var conversation = await OknoApp.EventuallyAsync(async () => (await App.GetJsonAsync($"/api/v1/conversations?channelId={channelId}"))["items"]!.AsArray().FirstOrDefault(),
            TimeSpan.FromSeconds(30), what: $"the {kind} conversation");
        var conversationId = conversation["id"]!.GetValue<long>();
        var firing = await OknoApp.EventuallyAsync(async () => (await App.GetJsonAsync($"/api/v1/rules/{ruleId}/log"))["items"]!.AsArray()
            .FirstOrDefault(f => f!["conversationId"]!.GetValue<long>() == conversationId), what: $"the rule on {kind}");
        Assert.True(firing!["ok"]!.GetValue<bool>(), firing.ToJsonString());
        Assert.Equal(["add_label", "add_note", "reply"], firing["actions"]!.AsArray().Select(a => a!["type"]!.GetValue<string>()));
        Assert.Contains("консультации по разводу", firing["why"]!.GetValue<string>(), StringComparison.Ordinal);

        var messages = await ConversationLookup.MessagesAsync(App, conversationId);
        Assert.Contains(messages, m => m!["kind"]!.GetValue<string>() == "note" && m["text"]!.GetValue<string>().Contains("семейное право", StringComparison.Ordinal));
        var reply = messages.Single(m => m!["direction"]!.GetValue<string>() == "outbound" && m["kind"]!.GetValue<string>() == "text")!;
        Assert.Equal("Спасибо! Юрист по семейным делам ответит вам сегодня.", reply["text"]!.GetValue<string>());
        Assert.Equal(channelId, reply["channelId"]!.GetValue<string>());
        var settled = await ConversationLookup.SettledAsync(App, conversationId, reply["id"]!.GetValue<long>(), TimeSpan.FromSeconds(30));
        Assert.NotEqual("failed", settled["status"]!.GetValue<string>());
        Assert.Contains("семья", (await App.GetJsonAsync($"/api/v1/conversations/{conversationId}"))["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task EmailAutoReply_IsNeverAnswered_EvenByAnEveryTimeReply()
    {
        var kit = await EmailTestKit.CreateAsync(App);
        var client = MailServer.NewAddress("client");
        var marker = Guid.NewGuid().ToString("N")[..12];
        var rule = await RulesKit.CreateRuleAsync(App, new JsonObject
        {
            ["name"] = "Ответ на каждое письмо " + marker, ["event"] = "message.received",
            ["conditions"] = new JsonArray(RulesKit.Condition("message.text", "contains", marker)),
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "reply", ["text"] = "Письмо получено", ["everyTime"] = true }),
        });
        var ruleId = rule["id"]!.GetValue<long>();

        await MailServer.SendAsync(MailServer.Letter(client, kit.FirmAddress, "Вопрос", "Вопрос по аренде " + marker));
        await OknoApp.EventuallyAsync(async () => (await App.GetJsonAsync($"/api/v1/rules/{ruleId}/log"))["items"]!.AsArray().Count == 1, TimeSpan.FromSeconds(30), "the first letter answered");
        var away = MailServer.Letter(client, kit.FirmAddress, "Автоответ: Re: Вопрос", "Я в отпуске до 10 января " + marker);
        away.Headers.Add("Auto-Submitted", "auto-replied");
        await MailServer.SendAsync(away);

        var log = await OknoApp.EventuallyAsync(async () => (await App.GetJsonAsync($"/api/v1/rules/{ruleId}/log"))["items"]!.AsArray() is { Count: 2 } l ? l : null,
            TimeSpan.FromSeconds(30), "the auto-reply seen by the rule");
        Assert.Contains("автоответ", log[0]!["actions"]![0]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var conversationId = log[0]!["conversationId"]!.GetValue<long>();
        Assert.Equal(conversationId, log[1]!["conversationId"]!.GetValue<long>());
        Assert.Single(await ConversationLookup.MessagesAsync(App, conversationId), m => m!["direction"]!.GetValue<string>() == "outbound" && m["kind"]!.GetValue<string>() == "text");
    }

    /// <summary>The one rule of the class, made by whichever case comes first.</summary>
    private async Task<long> RuleAsync()
    {
        await Gate.WaitAsync();
        try
        {
            var existing = (await App.GetJsonAsync("/api/v1/rules"))["items"]!.AsArray().FirstOrDefault(r => r!["name"]!.GetValue<string>() == RuleName);
            if (existing is not null) return existing["id"]!.GetValue<long>();
            var rule = await RulesKit.CreateRuleAsync(App, new JsonObject
            {
                ["name"] = RuleName, ["event"] = "message.received",
                ["conditions"] = new JsonArray(RulesKit.Condition("message.text", "matches", "консультации по разводу")),
                ["actions"] = new JsonArray(
                    new JsonObject { ["type"] = "add_label", ["label"] = "семья" },
                    new JsonObject { ["type"] = "add_note", ["text"] = "семейное право: передать юристу" },
                    new JsonObject { ["type"] = "reply", ["text"] = "Спасибо! Юрист по семейным делам ответит вам сегодня." }),
            });
            return rule["id"]!.GetValue<long>();
        }
        finally { Gate.Release(); }
    }

    /// <summary>The client writes <paramref name="text"/> through a new channel of <paramref name="kind"/>; returns the channel id.</summary>
    private async Task<string> WriteAsync(string kind, string text)
    {
        var user = Interlocked.Increment(ref _nextUser);
        switch (kind)
        {
            case "telegram":
            {
                var kit = await TelegramTestKit.CreateAsync(App);
                (await kit.PostAsync(App.Sim.Telegram.TextUpdate(user, text, "Ольга"))).EnsureSuccessStatusCode();
                return kit.ChannelId;
            }
            case "whatsapp_cloud":
            {
                var kit = await WhatsAppCloudTestKit.CreateAsync(App);
                (await kit.PostAsync(kit.Text(Inbox.NewPhone(), text))).EnsureSuccessStatusCode();
                return kit.ChannelId;
            }
            case "whatsapp_greenapi":
            {
                var kit = await GreenApiTestKit.CreateAsync(App);
                (await kit.PostAsync(kit.Text(Inbox.NewPhone(), text))).EnsureSuccessStatusCode();
                return kit.ChannelId;
            }
            case "whatsapp_waha":
            {
                var kit = await WahaTestKit.CreateAsync(App);
                (await kit.PostAsync(kit.Sim.TextMessage(kit.Session, Inbox.NewPhone(), text, "Анна"))).EnsureSuccessStatusCode();
                return kit.ChannelId;
            }
            case "vk":
            {
                var kit = await VkTestKit.CreateAsync(App);
                kit.Sim.SetUserName(user, "Анна", "Смирнова");
                (await kit.PostAsync(kit.Sim.TextMessage(kit.GroupId, user, text))).EnsureSuccessStatusCode();
                return kit.ChannelId;
            }
            case "max":
            {
                var kit = await MaxTestKit.CreateAsync(App);
                (await kit.PostAsync(kit.Sim.TextUpdate(kit.Token, user, text, "Борис", "Д."))).EnsureSuccessStatusCode();
                return kit.ChannelId;
            }
            case "email":
            {
                var kit = await EmailTestKit.CreateAsync(App);
                await MailServer.SendAsync(MailServer.Letter(MailServer.NewAddress("client"), kit.FirmAddress, "Консультация", text, fromName: "Иван Петров"));
                return kit.ChannelId;
            }
            case "webchat":
            {
                var kit = await WebChatTestKit.CreateAsync(App);
                var token = (await kit.SessionAsync())["token"]!.GetValue<string>();
                (await kit.PostMessageAsync(token, text)).EnsureSuccessStatusCode();
                return kit.ChannelId;
            }
            case "avito":
            {
                var kit = await AvitoTestKit.CreateAsync(App);
                (await kit.PostAsync(App.Sim.Avito.ClientText(kit.UserId, "u2i-" + Guid.NewGuid().ToString("N"), user, text, itemId: 4217766901))).EnsureSuccessStatusCode();
                return kit.ChannelId;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "no stand-in for this kind");
        }
    }
}

public sealed class SqliteRulesEveryChannelTests(SqliteOknoApp app) : RulesEveryChannelTests<SqliteOknoApp>(app);

public sealed class PostgresRulesEveryChannelTests(PostgresOknoApp app) : RulesEveryChannelTests<PostgresOknoApp>(app);
