using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Quality;

/// <summary>Issue 13.6: the firm's policy checks every staff reply; violations are recorded, counted, and block when asked.</summary>
public abstract class QualityTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : QualityApp
{
    private static long _nextUser = 610_000 + Random.Shared.Next(1000) * 100;

    private async Task<long> ClientWritesAsync(string text)
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(Interlocked.Increment(ref _nextUser), text, "Мария"));
        return (await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(text), what: "the conversation"))["id"]!.GetValue<long>();
    }

    private async Task PolicyAsync(object policy)
    {
        using var api = App.Api();
        var response = await api.PutAsJsonAsync("/api/v1/quality/policy", policy);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> ReplyAsync(long conversationId, string text)
    {
        using var api = App.Api();
        return await api.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { text });
    }

    private async Task<JsonArray> ViolationsAsync(long conversationId) =>
        (await App.GetJsonAsync($"/api/v1/conversations/{conversationId}/quality"))["violations"]!.AsArray();

    [SkippableFact]
    public async Task Policy_PutThenGet_RoundTrips_BadInputRefused()
    {
        await PolicyAsync(new { greetingRequired = true, requiredPhrases = new[] { "бюро Правовед" }, forbiddenPhrases = new[] { "100 % выиграем", "в личку" },
            block = false, forbidPhoneNumbers = true, maxFirstResponse = "PT15M" });
        var policy = await App.GetJsonAsync("/api/v1/quality/policy");
        Assert.True(policy["greetingRequired"]!.GetValue<bool>());
        Assert.Equal(["100 % выиграем", "в личку"], policy["forbiddenPhrases"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("PT15M", policy["maxFirstResponse"]!.GetValue<string>());

        using var api = App.Api();
        var badDuration = await api.PutAsJsonAsync("/api/v1/quality/policy", new { maxFirstResponse = "15 минут" });
        Assert.Equal(HttpStatusCode.BadRequest, badDuration.StatusCode);
        Assert.Contains("maxFirstResponse", await badDuration.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var noWords = await api.PutAsJsonAsync("/api/v1/quality/policy", new { forbiddenPhrases = new[] { "!!!" } });
        Assert.Equal(HttpStatusCode.BadRequest, noWords.StatusCode);
        // Nothing of a refused policy was saved.
        Assert.Equal("PT15M", (await App.GetJsonAsync("/api/v1/quality/policy"))["maxFirstResponse"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task ForbiddenPhrase_InAReply_SentFlaggedAndCounted()
    {
        await PolicyAsync(new { forbiddenPhrases = new[] { "100 % выиграем" } });
        var id = await ClientWritesAsync("Есть шансы на суд? " + Guid.NewGuid().ToString("N")[..6]);
        var reply = await ReplyAsync(id, "Не волнуйтесь, 100% Выиграем!");
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var messageId = (await reply.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();

        var v = Assert.Single(await ViolationsAsync(id))!;
        Assert.Equal("forbidden", v["rule"]!.GetValue<string>());
        Assert.Equal("100 % выиграем", v["phrase"]!.GetValue<string>());
        Assert.Equal(messageId, v["messageId"]!.GetValue<long>());
        await OknoApp.EventuallyAsync(() => Task.FromResult(App.Sim.Telegram.CallsTo("sendMessage")
            .Any(c => c.Body["text"]?.ToString() == "Не волнуйтесь, 100% Выиграем!") ? (bool?)true : null), what: "the reply sent all the same");

        var byOperator = (await App.GetJsonAsync("/api/v1/quality/violations"))["items"]!.AsArray();
        Assert.Contains(byOperator, r => r!["byRule"]!["forbidden"]?.GetValue<int>() >= 1);
    }

    [SkippableFact]
    public async Task BlockingPolicy_ReplyRefused422_NothingStoredOrSent()
    {
        await PolicyAsync(new { forbiddenPhrases = new[] { "в личку" }, block = true });
        var id = await ClientWritesAsync("Как с вами связаться? " + Guid.NewGuid().ToString("N")[..6]);
        var before = (await App.GetJsonAsync($"/api/v1/conversations/{id}/messages"))["items"]!.AsArray().Count;

        var reply = await ReplyAsync(id, "Пишите мне в личку");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.StatusCode);
        Assert.Contains("в личку", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await App.GetJsonAsync($"/api/v1/conversations/{id}/messages"))["items"]!.AsArray().Count);
        Assert.Empty(await ViolationsAsync(id));
        Assert.DoesNotContain(App.Sim.Telegram.CallsTo("sendMessage"), c => c.Body["text"]?.ToString() == "Пишите мне в личку");

        // The check endpoint says so before sending.
        using var api = App.Api();
        var check = await (await api.PostAsJsonAsync("/api/v1/quality/check", new { conversationId = id, text = "пишите в личку" })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(check!["blocked"]!.GetValue<bool>());
        Assert.Equal("forbidden", check["violations"]!.AsArray().Single()!["rule"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, (await ReplyAsync(id, "Пишите сюда, в этот чат")).StatusCode);
    }

    [SkippableFact]
    public async Task FirstReply_LateWithoutGreetingAndFirmName_EachRecordedOnce()
    {
        await PolicyAsync(new { greetingRequired = true, requiredPhrases = new[] { "бюро Правовед" }, maxFirstResponse = "PT15M" });
        var id = await ClientWritesAsync("Нужна консультация " + Guid.NewGuid().ToString("N")[..6]);
        App.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.Accepted, (await ReplyAsync(id, "Какой у вас вопрос?")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await ReplyAsync(id, "Уточните, пожалуйста, город.")).StatusCode); // not a first reply

        var rules = (await ViolationsAsync(id)).Select(v => v!["rule"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["firstResponseTime", "greeting", "required"], rules);
    }

    [SkippableFact]
    public async Task Operator_CannotChangeThePolicy()
    {
        var email = $"operator-{Guid.NewGuid():N}@test.local";
        using var admin = App.Api();
        (await admin.PostAsJsonAsync("/api/v1/users", new { email, name = "Ольга", role = "operator", password = "Operator-pass-1" })).EnsureSuccessStatusCode();
        using var op = App.CreateClient(new() { HandleCookies = true });
        op.DefaultRequestHeaders.Add("X-Okno-Request", "1");
        Assert.Equal(HttpStatusCode.NoContent, (await op.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Operator-pass-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PutAsJsonAsync("/api/v1/quality/policy", new { block = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/api/v1/quality/violations")).StatusCode);
    }
}

public sealed class SqliteQualityTests(SqliteQualityApp app) : QualityTests<SqliteQualityApp>(app);

public sealed class PostgresQualityTests(PostgresQualityApp app) : QualityTests<PostgresQualityApp>(app);
