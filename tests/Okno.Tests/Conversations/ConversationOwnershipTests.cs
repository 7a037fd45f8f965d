using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Conversations;

/// <summary>Issue 18, points 4 and 5 at the API: a colleague's request is not taken silently; actions are recorded.</summary>
public abstract class ConversationOwnershipTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private const string Password = "Colleague-pass-1";

    private async Task<(long Id, HttpClient Client)> ColleagueAsync(string role, string name)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.local";
        using var admin = App.Api();
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, name, role, password = Password });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
        var client = App.CreateClient(new() { HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Okno-Request", "1"); // the app's own requests carry it (CSRF)
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password })).StatusCode);
        return (id, client);
    }

    private async Task<long> QueuedAsync(string text, long telegramUser, string first = "Мария")
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(telegramUser, text, first));
        return (await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(text)))["id"]!.GetValue<long>();
    }

    [SkippableFact]
    public async Task Take_HeldByColleague_409NamingHolderUnlessForce()
    {
        var id = await QueuedAsync("Кто возьмёт " + Guid.NewGuid(), 31_001);
        var (olgaId, olga) = await ColleagueAsync("operator", "Ольга Смирнова");
        var (ivanId, ivan) = await ColleagueAsync("operator", "Иван Петров");
        var took = await olga.PostAsync($"/api/v1/conversations/{id}/take", null);
        Assert.True(took.IsSuccessStatusCode, $"{(int)took.StatusCode} {await took.Content.ReadAsStringAsync()}");

        var refused = await ivan.PostAsync($"/api/v1/conversations/{id}/take", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Обращение уже у Ольги Смирновой. Забрать?", problem["detail"]!.GetValue<string>());
        Assert.Equal(olgaId, problem["holderId"]!.GetValue<long>());
        Assert.Equal(olgaId, (await App.GetJsonAsync($"/api/v1/conversations/{id}"))["assigneeId"]!.GetValue<long>());

        var forced = await ivan.PostAsJsonAsync($"/api/v1/conversations/{id}/take", new { force = true });
        forced.EnsureSuccessStatusCode();
        Assert.Equal(ivanId, (await forced.Content.ReadFromJsonAsync<JsonObject>())!["assigneeId"]!.GetValue<long>());
        var events = await EventsAsync(id);
        Assert.Contains("Иван Петров забрал обращение у Ольги Смирновой", events);
        olga.Dispose();
        ivan.Dispose();
    }

    [SkippableFact]
    public async Task Reply_ToUnassigned_AssignsTheSender()
    {
        var id = await QueuedAsync("Ответьте кто-нибудь " + Guid.NewGuid(), 31_002);
        var (ivanId, ivan) = await ColleagueAsync("operator", "Иван Отвечающий");
        var reply = await ivan.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = "Здравствуйте, помогу." });
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        Assert.Equal(ivanId, (await App.GetJsonAsync($"/api/v1/conversations/{id}"))["assigneeId"]!.GetValue<long>());
        ivan.Dispose();
    }

    [SkippableFact]
    public async Task Actions_AppearInMessagesAsEvents_WithReadableMaskedText()
    {
        var id = await QueuedAsync("Запишите всё " + Guid.NewGuid(), 31_003);
        var (olgaId, olga) = await ColleagueAsync("operator", "Ольга Смирнова");
        var (ivanId, ivan) = await ColleagueAsync("lawyer", "Иван Петров");
        (await olga.PostAsync($"/api/v1/conversations/{id}/take", null)).EnsureSuccessStatusCode();
        var returnBy = DateTimeOffset.UtcNow.AddHours(3);
        (await olga.PostAsJsonAsync($"/api/v1/conversations/{id}/handoff",
            new { toUserId = ivanId, comment = "Позвоните клиенту: +7 916 123-45-67", returnBy })).EnsureSuccessStatusCode();
        (await ivan.PostAsync($"/api/v1/conversations/{id}/return", null)).EnsureSuccessStatusCode();
        (await olga.PostAsJsonAsync($"/api/v1/conversations/{id}/snooze", new { until = DateTimeOffset.UtcNow.AddHours(1) })).EnsureSuccessStatusCode();
        (await olga.PostAsJsonAsync($"/api/v1/conversations/{id}/target", new { isTarget = false, reason = "Спам или реклама" })).EnsureSuccessStatusCode();
        (await olga.PostAsync($"/api/v1/conversations/{id}/resolve", null)).EnsureSuccessStatusCode();
        (await olga.PostAsync($"/api/v1/conversations/{id}/reopen", null)).EnsureSuccessStatusCode();

        var items = (await olga.GetFromJsonAsync<JsonObject>($"/api/v1/conversations/{id}/messages"))!["items"]!.AsArray();
        var events = items.Where(m => m!["kind"]!.GetValue<string>() == "event").Select(m => m!["text"]!.GetValue<string>()).ToList();
        var due = TimeZoneInfo.ConvertTime(returnBy, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        var dueText = (due.Date == TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).Date ? "" : "завтра ") + due.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
        [
            "Ольга Смирнова взяла обращение",
            $"Ольга Смирнова передала Ивану Петрову до {dueText}: «Позвоните клиенту: +7 *** ***-45-67»",
            "Иван Петров вернул обращение Ольге Смирновой",
            events[3], // the snooze line carries its own time; checked below
            "Ольга Смирнова отметила обращение как не целевое: Спам или реклама",
            "Ольга Смирнова закрыла обращение",
            "Ольга Смирнова открыла обращение снова",
        ], events);
        Assert.StartsWith("Ольга Смирнова отложила обращение до ", events[3], StringComparison.Ordinal);
        // An administrator sees the comment whole; the operator saw it masked.
        var adminView = (await App.GetJsonAsync($"/api/v1/conversations/{id}/messages"))["items"]!.AsArray();
        Assert.Contains(adminView, m => m!["text"]?.GetValue<string>()?.Contains("+7 916 123-45-67", StringComparison.Ordinal) == true);
        olga.Dispose();
        ivan.Dispose();
        _ = olgaId;
    }

    private async Task<List<string>> EventsAsync(long id) =>
        (await App.GetJsonAsync($"/api/v1/conversations/{id}/messages"))["items"]!.AsArray()
            .Where(m => m!["kind"]!.GetValue<string>() == "event").Select(m => m!["text"]!.GetValue<string>()).ToList();
}

public sealed class ConversationOwnershipSqliteTests(SqliteOknoApp app) : ConversationOwnershipTests<SqliteOknoApp>(app);

public sealed class ConversationOwnershipPostgresTests(PostgresOknoApp app) : ConversationOwnershipTests<PostgresOknoApp>(app);
