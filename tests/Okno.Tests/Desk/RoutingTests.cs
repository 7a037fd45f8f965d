using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Contacts;
using Okno.Core.Data;
using Okno.Core.Desk;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Desk;

/// <summary>Issue 12 at the API: teams route requests fairly, never to someone offline or away, within capacity.</summary>
public abstract class RoutingTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : DeskApp
{
    [SkippableFact]
    public async Task RoundRobin_TwoOnline_SixRequestsSplitThreeThree()
    {
        using var kit = await DeskKit.CreateAsync(App);
        var (olga, ivan) = (await kit.PersonAsync("Ольга Круг"), await kit.PersonAsync("Иван Круг"));
        await kit.PresenceAsync(olga, "online");
        await kit.PresenceAsync(ivan, "online");
        var team = await kit.TeamAsync("round_robin", [olga, ivan]);

        var ids = new List<long>();
        for (var i = 0; i < 6; i++) ids.Add(await kit.RequestAsync(DeskKit.NewClient()));
        await kit.RunAsync();

        var assignees = new List<long?>();
        foreach (var id in ids) assignees.Add(await kit.AssigneeAsync(id));
        Assert.Equal(3, assignees.Count(a => a == olga));
        Assert.Equal(3, assignees.Count(a => a == ivan));
        var first = await kit.ConversationAsync(ids[0]);
        Assert.Equal(team, first["teamId"]!.GetValue<long>());
        Assert.Equal("round_robin", first["assignedBy"]!.GetValue<string>());
        Assert.Null(first["queuePosition"]);
        Assert.Contains(kit.Events, e => e is ConversationAssigned a && a.ConversationId == ids[0] && a.AssignedBy == AssignmentReason.RoundRobin);
        Assert.Contains(await kit.LinesAsync(ids[0]), l => l.StartsWith("Назначено автоматически (по кругу)", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task OfflineAndAway_GetNothing()
    {
        using var kit = await DeskKit.CreateAsync(App);
        var (on, away, off) = (await kit.PersonAsync("Анна В сети"), await kit.PersonAsync("Пётр Отошёл"), await kit.PersonAsync("Олег Не в сети"));
        await kit.PresenceAsync(on, "online");
        await kit.PresenceAsync(away, "away");
        await kit.PresenceAsync(off, "offline");
        await kit.TeamAsync("round_robin", [away, off, on]);

        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add(await kit.RequestAsync(DeskKit.NewClient()));
        await kit.RunAsync();

        foreach (var id in ids) Assert.Equal(on, await kit.AssigneeAsync(id));
    }

    [SkippableFact]
    public async Task Capacity_NeverExceeded_TheRestWaitsWithAPosition()
    {
        using var kit = await DeskKit.CreateAsync(App);
        var solo = await kit.PersonAsync("Мария Одна");
        await kit.PresenceAsync(solo, "online");
        var team = await kit.TeamAsync("least_loaded", [solo], capacity: 2);

        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await kit.RequestAsync(DeskKit.NewClient()));
            App.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await kit.RunAsync();

        Assert.Equal(solo, await kit.AssigneeAsync(ids[0]));
        Assert.Equal(solo, await kit.AssigneeAsync(ids[1]));
        var third = await kit.ConversationAsync(ids[2]);
        Assert.Null(third["assigneeId"]);
        Assert.Equal(1, third["queuePosition"]!.GetValue<int>());
        var queue = (await App.GetJsonAsync($"/api/v1/queue?teamId={team}"))["items"]!.AsArray();
        var only = Assert.Single(queue)!;
        Assert.Equal(ids[2], only["conversationId"]!.GetValue<long>());
        Assert.Equal(1, only["position"]!.GetValue<int>());
        Assert.Equal(team, only["teamId"]!.GetValue<long>());
        var presence = (await App.GetJsonAsync("/api/v1/presence"))["items"]!.AsArray().First(p => p!["userId"]!.GetValue<long>() == solo)!;
        Assert.Equal(2, presence["openCount"]!.GetValue<int>());
        Assert.Equal("online", presence["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task LeastLoaded_GoesToWhoeverHoldsFewest()
    {
        using var kit = await DeskKit.CreateAsync(App);
        var (busy, free) = (await kit.PersonAsync("Нина Занятая"), await kit.PersonAsync("Глеб Свободный"));
        await kit.PresenceAsync(busy, "online");
        var team = await kit.TeamAsync("least_loaded", [busy, free]);
        await kit.RequestAsync(DeskKit.NewClient());
        await kit.RequestAsync(DeskKit.NewClient());
        await kit.RunAsync();

        await kit.PresenceAsync(free, "online");
        var a = await kit.RequestAsync(DeskKit.NewClient());
        var b = await kit.RequestAsync(DeskKit.NewClient());
        await kit.RunAsync();

        Assert.Equal(free, await kit.AssigneeAsync(a));
        Assert.Equal(free, await kit.AssigneeAsync(b)); // 1 against 2: still the fewest
        Assert.Equal("least_loaded", (await kit.ConversationAsync(a))["assignedBy"]!.GetValue<string>());
        _ = team;
    }

    [SkippableFact]
    public async Task Skills_PracticeAreaMatchFirst()
    {
        using var kit = await DeskKit.CreateAsync(App);
        var (family, bankruptcy) = (await kit.PersonAsync("Вера Семейная"), await kit.PersonAsync("Борис Банкротный"));
        foreach (var u in new[] { family, bankruptcy }) await kit.PresenceAsync(u, "online");
        using (var admin = App.Api())
        {
            (await admin.PutAsJsonAsync($"/api/v1/users/{family}/skills", new { practiceAreas = new[] { "семейное" } })).EnsureSuccessStatusCode();
            (await admin.PutAsJsonAsync($"/api/v1/users/{bankruptcy}/skills", new { practiceAreas = new[] { "банкротство" } })).EnsureSuccessStatusCode();
        }
        await kit.TeamAsync("manual", [family, bankruptcy], practiceAreas: ["семейное", "банкротство"]);
        var id = await kit.RequestAsync(DeskKit.NewClient());
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            var contact = await db.Conversations.Where(c => c.Id == id).Select(c => c.ContactId).FirstAsync();
            db.ContactLabels.Add(new ContactLabel(contact, "Банкротство", App.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        using (var admin = App.Api())
        {
            var team = (await kit.ConversationAsync(id))["teamId"]!.GetValue<long>();
            (await admin.PatchAsJsonAsync($"/api/v1/teams/{team}", new { strategy = "skills" })).EnsureSuccessStatusCode();
        }
        await kit.RunAsync();

        var c = await kit.ConversationAsync(id);
        Assert.Equal(bankruptcy, c["assigneeId"]!.GetValue<long>());
        Assert.Equal("skills", c["assignedBy"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Sticky_ReturningClient_ToPreviousOperatorWhenOnline_ElseWaits()
    {
        using var kit = await DeskKit.CreateAsync(App);
        var owner = await kit.PersonAsync("Светлана Прежняя");
        await kit.PresenceAsync(owner, "online");
        await kit.TeamAsync("round_robin", [owner], stickyDays: 30);
        var client = DeskKit.NewClient();
        var first = await kit.RequestAsync(client);
        await kit.RunAsync();
        Assert.Equal(owner, await kit.AssigneeAsync(first));
        using (var admin = App.Api()) (await admin.PostAsync($"/api/v1/conversations/{first}/resolve", null)).EnsureSuccessStatusCode();

        await kit.PresenceAsync(owner, "offline");
        App.Clock.Advance(TimeSpan.FromDays(2));
        var second = await kit.RequestAsync(client);
        await kit.RunAsync();
        Assert.NotEqual(first, second);
        var waiting = await kit.ConversationAsync(second);
        Assert.Null(waiting["assigneeId"]);
        Assert.Equal(1, waiting["queuePosition"]!.GetValue<int>());

        await kit.PresenceAsync(owner, "online");
        await kit.RunAsync();
        var back = await kit.ConversationAsync(second);
        Assert.Equal(owner, back["assigneeId"]!.GetValue<long>());
        Assert.Equal("sticky", back["assignedBy"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Queue_PositionsByFirstUnansweredMessage_AndMove()
    {
        using var kit = await DeskKit.CreateAsync(App);
        var team = await kit.TeamAsync("manual", []);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await kit.RequestAsync(DeskKit.NewClient()));
            App.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        await kit.RunAsync();
        async Task<List<(long Id, int Position)>> QueueAsync() => (await App.GetJsonAsync($"/api/v1/queue?teamId={team}"))["items"]!.AsArray()
            .Select(x => (x!["conversationId"]!.GetValue<long>(), x["position"]!.GetValue<int>())).ToList();
        Assert.Equal([(ids[0], 1), (ids[1], 2), (ids[2], 3)], await QueueAsync());

        using (var admin = App.Api()) (await admin.PostAsync($"/api/v1/conversations/{ids[0]}/take", null)).EnsureSuccessStatusCode();
        await kit.RunAsync();

        Assert.Equal([(ids[1], 1), (ids[2], 2)], await QueueAsync());
        Assert.Equal(2, (await kit.ConversationAsync(ids[2]))["queuePosition"]!.GetValue<int>());
        Assert.Contains(kit.Events, e => e is QueueChanged q && q.TeamId == team);
        using var bad = App.Api();
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await bad.GetAsync("/api/v1/queue?teamId=abc")).StatusCode);
    }
}

public sealed class SqliteRoutingTests(SqliteDeskApp app) : RoutingTests<SqliteDeskApp>(app);

public sealed class PostgresRoutingTests(PostgresDeskApp app) : RoutingTests<PostgresDeskApp>(app);
