using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Core.Csat;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Reviews;

/// <summary>Issue 13.8: the survey after resolving, the client's score stored without reopening the request.</summary>
public abstract class CsatTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : ReviewsApp
{
    private async Task<TelegramTestKit> ChannelAsync(bool survey)
    {
        var secret = "s3cret-" + Guid.NewGuid().ToString("N");
        var channel = await App.CreateChannelAsync("telegram", new JsonObject
        {
            ["botToken"] = TelegramTestKit.BotToken, ["secretToken"] = secret, ["mode"] = "webhook", ["apiBaseUrl"] = App.Sim.UrlOf("telegram"),
            [CsatSurvey.Setting] = survey,
        });
        return new TelegramTestKit(App, channel, secret);
    }

    private async Task<(TelegramTestKit Kit, long Client, long Id)> ResolvedAsync(bool survey)
    {
        var kit = await ChannelAsync(survey);
        var client = ReviewKit.NextClient();
        var id = await ReviewKit.ConversationAsync(App, kit: kit, clientId: client);
        using var admin = App.Api();
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = "Здравствуйте! Вопрос решён." })).StatusCode);
        (await admin.PostAsJsonAsync($"/api/v1/conversations/{id}/resolve", new { })).EnsureSuccessStatusCode();
        return (kit, client, id);
    }

    private async Task<long> ClientWritesAsync(TelegramTestKit kit, long client, string text, long conversationId)
    {
        var before = (await kit.MessagesAsync(conversationId)).Count;
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(client, text, "Мария"));
        // Wherever it landed, the client's text is stored: find its conversation.
        var c = await OknoApp.EventuallyAsync(async () =>
        {
            var messages = await kit.MessagesAsync(conversationId);
            if (messages.Count > before && messages.Any(m => m!["text"]?.GetValue<string>() == text)) return (long?)conversationId;
            return (await kit.FindConversationAsync(text))?["id"]?.GetValue<long>();
        }, what: "the client's message stored");
        return c!.Value;
    }

    [SkippableFact]
    public async Task Resolve_SurveyOn_AsksOnceWithoutReopening()
    {
        var (kit, client, id) = await ResolvedAsync(survey: true);

        var call = await OknoApp.EventuallyAsync(() => Task.FromResult(App.Sim.Telegram.CallsTo("sendMessage")
            .FirstOrDefault(c => c.Body["text"]?.ToString() == CsatSurvey.Text && c.Body["chat_id"]?.ToString() == client.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            what: "the survey sent");
        Assert.NotNull(call);
        Assert.Equal("resolved", (await ReviewKit.ConversationJsonAsync(App, id))["status"]!.GetValue<string>());
        Assert.Contains(await kit.MessagesAsync(id), m => m!["text"]?.GetValue<string>() == CsatSurvey.Text);
    }

    [SkippableFact]
    public async Task ScoreReply_StoredOnTheRequest_StaysResolved_NoNewRequest()
    {
        var (kit, client, id) = await ResolvedAsync(survey: true);

        var landed = await ClientWritesAsync(kit, client, "5️⃣", id);

        Assert.Equal(id, landed);
        var c = await ReviewKit.ConversationJsonAsync(App, id);
        Assert.Equal(5, c["csatScore"]!.GetValue<int>());
        Assert.Equal("resolved", c["status"]!.GetValue<string>());
        var open = (await App.GetJsonAsync($"/api/v1/conversations?contactId={c["contactId"]}"))["items"]!.AsArray();
        Assert.Single(open); // no new request was opened
    }

    [SkippableFact]
    public async Task OtherReply_OpensANewRequestAsUsual_NoScore()
    {
        var (kit, client, id) = await ResolvedAsync(survey: true);

        var landed = await ClientWritesAsync(kit, client, "А ещё вопрос по договору " + Guid.NewGuid().ToString("N")[..6], id);

        Assert.NotEqual(id, landed);
        Assert.Null((await ReviewKit.ConversationJsonAsync(App, id))["csatScore"]);
        Assert.Equal("open", (await ReviewKit.ConversationJsonAsync(App, landed))["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task ScoreReply_AfterTheWindowOrWithoutSurvey_IsAnOrdinaryMessage()
    {
        var (kitOff, clientOff, off) = await ResolvedAsync(survey: false);
        var (kitLate, clientLate, late) = await ResolvedAsync(survey: true);
        App.Clock.Advance(TimeSpan.FromDays(4));

        var offLanded = await ClientWritesAsync(kitOff, clientOff, "5", off);
        var lateLanded = await ClientWritesAsync(kitLate, clientLate, "4", late);

        Assert.NotEqual(off, offLanded);
        Assert.NotEqual(late, lateLanded);
        Assert.Null((await ReviewKit.ConversationJsonAsync(App, late))["csatScore"]);
    }
}

public sealed class SqliteCsatTests(SqliteReviewsApp app) : CsatTests<SqliteReviewsApp>(app);

public sealed class PostgresCsatTests(PostgresReviewsApp app) : CsatTests<PostgresReviewsApp>(app);

/// <summary>What counts as a score in a client's reply.</summary>
public sealed class CsatAnswerTests
{
    [Theory]
    [InlineData("5", 5)]
    [InlineData(" 4! ", 4)]
    [InlineData("5️⃣", 5)]
    [InlineData("3/5", 3)]
    [InlineData("4 из 5", 4)]
    [InlineData("⭐⭐⭐", 3)]
    [InlineData("5⭐", 5)]
    public void Parse_Score_Read(string text, int expected) => Assert.Equal(expected, CsatAnswer.Parse(text));

    [Theory]
    [InlineData("6")]
    [InlineData("0")]
    [InlineData("15")]
    [InlineData("спасибо")]
    [InlineData("5 минут подождите")]
    [InlineData("⭐⭐⭐⭐⭐⭐")]
    [InlineData("")]
    public void Parse_NotAScore_Null(string text) => Assert.Null(CsatAnswer.Parse(text));
}
