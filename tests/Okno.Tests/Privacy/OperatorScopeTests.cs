using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Okno.Tests.Infrastructure;
using Okno.Tests.Security;

namespace Okno.Tests.Privacy;

/// <summary>Issue 15.1: an operator scoped to "own + queue" cannot open a colleague's conversation by id, search, export or hear it on the hub.</summary>
public abstract class OperatorScopeTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private async Task<(long Colleagues, long Queue, long Own, long OperatorId, string Email)> SetUpAsync()
    {
        var (colleagues, _) = await PrivacyKit.ConversationAsync(App, "Коллегин");
        var (queue, _) = await PrivacyKit.ConversationAsync(App, "Очередной");
        var (own, _) = await PrivacyKit.ConversationAsync(App, "Свой");
        var (_, colleagueId) = await SecurityKit.CreateUserAsync(App, "operator");
        var (email, operatorId) = await SecurityKit.CreateUserAsync(App, "operator");
        using var admin = App.Api();
        (await admin.PatchAsJsonAsync($"/api/v1/users/{operatorId}", new { scope = "own-and-queue" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/v1/conversations/{colleagues}/assign", new { userId = colleagueId })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/v1/conversations/{own}/assign", new { userId = operatorId })).EnsureSuccessStatusCode();
        return (colleagues, queue, own, operatorId, email);
    }

    [SkippableFact]
    public async Task ScopedOperator_ColleaguesConversationById404_OwnAndQueue200()
    {
        var (colleagues, queue, own, operatorId, email) = await SetUpAsync();
        using var op = await SecurityKit.SignedInAsync(App, email);

        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/api/v1/conversations/{colleagues}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/api/v1/conversations/{colleagues}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/api/v1/conversations/{queue}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/api/v1/conversations/{own}")).StatusCode);
        var list = (await op.GetFromJsonAsync<JsonObject>("/api/v1/conversations?limit=200"))!["items"]!.AsArray().Select(c => c!["id"]!.GetValue<long>()).ToList();
        Assert.DoesNotContain(colleagues, list);
        Assert.Contains(queue, list);
        Assert.Contains(own, list);
        using var admin = App.Api();
        var me = (await admin.GetFromJsonAsync<JsonArray>("/api/v1/users"))!.Single(u => u!["id"]!.GetValue<long>() == operatorId)!;
        Assert.Equal("own-and-queue", me["scope"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task UnscopedOperator_ColleaguesConversation200()
    {
        var (colleagues, _, _, _, _) = await SetUpAsync();
        var (email, _) = await SecurityKit.CreateUserAsync(App, "operator");
        using var op = await SecurityKit.SignedInAsync(App, email);

        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/api/v1/conversations/{colleagues}")).StatusCode);
    }

    private (long Colleagues, long Queue) _last;

    [SkippableFact]
    public async Task ScopedOperator_SearchSkipsColleagues_ContactSearchAndExport403_BadScope400()
    {
        var (c1, q1, _, operatorId, email) = await SetUpAsync();
        _last = (c1, q1);
        using var op = await SecurityKit.SignedInAsync(App, email);

        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/api/v1/contacts?search=Коллегин")).StatusCode);
        var (colleagues, queue) = (_last.Colleagues, _last.Queue);
        var hits = await OknoApp.EventuallyAsync(async () =>
        {
            var page = await op.GetFromJsonAsync<JsonObject>("/api/v1/search?q=приватность");
            var ids = page!["items"]!.AsArray().Select(h => h!["conversationId"]!.GetValue<long>()).ToList();
            return ids.Contains(queue) ? ids : null; // the index has caught up
        }, what: "the queue conversation in the search");
        Assert.DoesNotContain(colleagues, hits);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/api/v1/audit/export.csv")).StatusCode);
        using var admin = App.Api();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PatchAsJsonAsync($"/api/v1/users/{operatorId}", new { scope = "everything" })).StatusCode);
    }

    [SkippableFact]
    public async Task ScopedOperator_Hub_QueueEventsOnlyNotTheColleagues()
    {
        var (colleagues, queue, _, _, email) = await SetUpAsync();
        using var login = App.CreateClient(new() { HandleCookies = false });
        var response = await login.PostAsJsonAsync("/api/v1/auth/login", new { email, password = SecurityKit.Password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var received = new List<long>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Server.BaseAddress, "/hubs/inbox"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        foreach (var name in new[] { "messageCreated", "conversationUpdated" })
            hub.On<JsonElement>(name, e => { lock (received) received.Add(e.GetProperty("conversationId").GetInt64()); });
        await hub.StartAsync();

        using var admin = App.Api();
        (await admin.PostAsJsonAsync($"/api/v1/conversations/{colleagues}/notes", new { text = "Заметка коллеги" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/v1/conversations/{queue}/notes", new { text = "Заметка в очереди" })).EnsureSuccessStatusCode();

        await OknoApp.EventuallyAsync(() => { lock (received) return Task.FromResult(received.Contains(queue)); }, what: "the queue conversation's event");
        lock (received) Assert.DoesNotContain(colleagues, received);
    }
}

public sealed class SqliteOperatorScopeTests(SqliteOknoApp app) : OperatorScopeTests<SqliteOknoApp>(app);

public sealed class PostgresOperatorScopeTests(PostgresOknoApp app) : OperatorScopeTests<PostgresOknoApp>(app);
