using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using Okno.Tests.Security;

namespace Okno.Tests.Conversations;

/// <summary>One visibility rule (ConversationAccess) for the list, one conversation, contact history and attachments.</summary>
public abstract class ConversationAccessTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private static long _client = 6_600_000 + Random.Shared.Next(0, 100_000) * 10;

    /// <summary>One client, two requests: the first (resolved) held by an operator, the second assigned to a lawyer.</summary>
    private async Task<(long ContactId, long Colleagues, long Lawyers, string LawyerEmail, long LawyerId, string OldTag)> TwoRequestsAsync()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var user = Interlocked.Increment(ref _client);
        var oldTag = "старое " + Guid.NewGuid().ToString("N")[..8];
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(user, oldTag, "Лидия"));
        var first = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(oldTag), what: "the first request");
        var (_, operatorId) = await SecurityKit.CreateUserAsync(App, "operator");
        var (lawyerEmail, lawyerId) = await SecurityKit.CreateUserAsync(App, "lawyer");
        using var admin = App.Api();
        var firstId = first["id"]!.GetValue<long>();
        (await admin.PostAsJsonAsync($"/api/v1/conversations/{firstId}/assign", new { userId = operatorId })).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/v1/conversations/{firstId}/resolve", null)).EnsureSuccessStatusCode();
        var newTag = "новое " + Guid.NewGuid().ToString("N")[..8];
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(user, newTag, "Лидия"));
        var second = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(newTag), what: "the second request");
        var secondId = second["id"]!.GetValue<long>();
        Assert.NotEqual(firstId, secondId);
        (await admin.PostAsJsonAsync($"/api/v1/conversations/{secondId}/assign", new { userId = lawyerId })).EnsureSuccessStatusCode();
        return (second["contactId"]!.GetValue<long>(), firstId, secondId, lawyerEmail, lawyerId, oldTag);
    }

    [SkippableFact]
    public async Task ContactHistory_LawyerOfOneRequest_DoesNotReadTheColleaguesRequest()
    {
        var (contactId, colleagues, lawyers, email, _, oldTag) = await TwoRequestsAsync();
        using var lawyer = await SecurityKit.SignedInAsync(App, email);

        var history = await lawyer.GetFromJsonAsync<JsonObject>($"/api/v1/contacts/{contactId}/messages");

        var items = history!["items"]!.AsArray();
        Assert.NotEmpty(items);
        Assert.All(items, m => Assert.Equal(lawyers, m!["conversationId"]!.GetValue<long>()));
        Assert.DoesNotContain(items, m => m!["text"]?.GetValue<string>() == oldTag);
        Assert.Equal(HttpStatusCode.NotFound, (await lawyer.GetAsync($"/api/v1/conversations/{colleagues}")).StatusCode);
    }

    [SkippableFact]
    public async Task List_LawyerWhoHandedOff_SeesItInTheListAsInGet()
    {
        var (_, _, lawyers, email, _, _) = await TwoRequestsAsync();
        var (_, otherLawyer) = await SecurityKit.CreateUserAsync(App, "lawyer");
        using var lawyer = await SecurityKit.SignedInAsync(App, email);
        (await lawyer.PostAsJsonAsync($"/api/v1/conversations/{lawyers}/handoff", new { toUserId = otherLawyer, comment = "посмотрите" })).EnsureSuccessStatusCode();

        var one = await lawyer.GetAsync($"/api/v1/conversations/{lawyers}");
        var list = await lawyer.GetFromJsonAsync<JsonObject>("/api/v1/conversations");

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Contains(list!["items"]!.AsArray(), c => c!["id"]!.GetValue<long>() == lawyers);
    }

    [SkippableFact]
    public async Task Get_LawyerWhoWroteAndReturned_KeepsReadAccess()
    {
        var (_, _, lawyers, email, _, _) = await TwoRequestsAsync();
        using var lawyer = await SecurityKit.SignedInAsync(App, email);
        (await lawyer.PostAsJsonAsync($"/api/v1/conversations/{lawyers}/notes", new { text = "Позиция по делу готова" })).EnsureSuccessStatusCode();
        using var admin = App.Api();
        (await admin.PostAsJsonAsync($"/api/v1/conversations/{lawyers}/assign", new { userId = (long?)null })).EnsureSuccessStatusCode();

        var one = await lawyer.GetAsync($"/api/v1/conversations/{lawyers}");

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
    }
}

public sealed class ConversationAccessSqliteTests(SqliteOknoApp app) : ConversationAccessTests<SqliteOknoApp>(app);

public sealed class ConversationAccessPostgresTests(PostgresOknoApp app) : ConversationAccessTests<PostgresOknoApp>(app);
