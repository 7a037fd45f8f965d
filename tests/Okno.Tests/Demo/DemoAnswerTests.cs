using System.Text.Json.Nodes;
using Okno.Tests.Channels;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Demo;

/// <summary>Its own class (and so its own app): the other demo test removes the demo data.</summary>
public abstract class DemoAnswerTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : DemoOknoApp
{
    private async Task<List<string>> DemoChannelIdsAsync()
    {
        using var client = App.Api();
        var channels = JsonNode.Parse(await client.GetStringAsync("/api/v1/channels"))!.AsArray();
        return channels.Where(c => c!["isDemo"]!.GetValue<bool>()).Select(c => c!["id"]!.GetValue<string>()).ToList();
    }

    private async Task<List<JsonNode>> DemoConversationsAsync(IReadOnlyCollection<string> demoChannels) =>
        (await App.GetJsonAsync("/api/v1/conversations?limit=200"))["items"]!.AsArray()
            .Where(c => demoChannels.Contains(c!["sourceChannelId"]!.GetValue<string>())).Select(c => c!).ToList();

    [SkippableFact]
    public async Task DemoMode_OperatorRepliesOnEachPlatform_ClientsWriteBack()
    {
        var channels = await OknoApp.EventuallyAsync(async () => { var ids = await DemoChannelIdsAsync(); return ids.Count >= 3 ? ids : null; },
            TimeSpan.FromSeconds(30), "the demo channels");
        // One conversation per demo channel (Telegram, VK, MAX, both WhatsApp numbers): the clients start one by one (2–6 s apart at this pace).
        var conversations = await OknoApp.EventuallyAsync(async () =>
        {
            var list = (await DemoConversationsAsync(channels)).GroupBy(c => c["sourceChannelId"]!.GetValue<string>()).Select(g => g.First()).ToList();
            return list.Count == channels.Count ? list : null;
        }, TimeSpan.FromSeconds(120), "a conversation on every demo channel");

        var replies = new List<(long Conversation, long Reply)>();
        foreach (var c in conversations)
        {
            var id = c["id"]!.GetValue<long>();
            replies.Add((id, await ConversationLookup.ReplyAsync(App, id, "Здравствуйте! Чем можем помочь?")));
        }
        foreach (var (id, replyId) in replies)
        {
            var sent = await ConversationLookup.SettledAsync(App, id, replyId);
            Assert.Equal("sent", sent["status"]!.GetValue<string>());
            var answer = await OknoApp.EventuallyAsync(async () =>
                (await ConversationLookup.MessagesAsync(App, id)).LastOrDefault(m => m!["direction"]!.GetValue<string>() == "inbound"
                    && m["id"]!.GetValue<long>() > replyId && DemoAnswers.Contains(m["text"]!.GetValue<string>())),
                TimeSpan.FromSeconds(40), "the client to write back in conversation " + id);
            Assert.NotNull(answer);
            Assert.Single(await ConversationLookup.MessagesAsync(App, id), m => m!["id"]!.GetValue<long>() == replyId);
        }
    }

    private static readonly HashSet<string> DemoAnswers = Okno.Web.Demo.DemoScript.Topics.SelectMany(t => t.Answers).ToHashSet();
}

public sealed class DemoAnswerSqliteTests(DemoSqliteOknoApp app) : DemoAnswerTests<DemoSqliteOknoApp>(app);

public sealed class DemoAnswerPostgresTests(DemoPostgresOknoApp app) : DemoAnswerTests<DemoPostgresOknoApp>(app);
