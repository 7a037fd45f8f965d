using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Core.Desk;
using Okno.Core.Events;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Desk;

/// <summary>Issue 12 with a fake clock: auto-transfer of unanswered requests and SLA at risk / breached.</summary>
public abstract class DeskTimersTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : DeskApp
{
    [SkippableFact]
    public async Task AutoTransfer_UnansweredForTheSetTime_GoesToTheNextOperatorWithTheReason()
    {
        using var kit = await DeskKit.CreateAsync(App);
        var (first, second) = (await kit.PersonAsync("Алла Молчащая"), await kit.PersonAsync("Денис Следующий"));
        await kit.PresenceAsync(first, "online");
        await kit.PresenceAsync(second, "online");
        await kit.TeamAsync("least_loaded", [first, second], autoTransferAfter: "PT10M");
        var id = await kit.RequestAsync(DeskKit.NewClient());
        await kit.RunAsync();
        var holder = (await kit.AssigneeAsync(id))!.Value;
        var other = holder == first ? second : first;

        App.Clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        await kit.RunAsync();
        Assert.Equal(holder, await kit.AssigneeAsync(id));

        App.Clock.Advance(TimeSpan.FromSeconds(1));
        await kit.RunAsync();

        var c = await kit.ConversationAsync(id);
        Assert.Equal(other, c["assigneeId"]!.GetValue<long>());
        Assert.Equal("auto_transfer", c["assignedBy"]!.GetValue<string>());
        Assert.Contains(await kit.LinesAsync(id), l => l.StartsWith("Передано автоматически: клиент ждал ответа 10 мин.", StringComparison.Ordinal));
        Assert.Contains(kit.Events, e => e is UserNotified n && n.UserId == holder && n.ConversationId == id);
        Assert.Contains(kit.Events, e => e is ConversationAssigned a && a.ConversationId == id && a.UserId == other && a.AssignedBy == AssignmentReason.AutoTransfer);
    }

    [SkippableFact]
    public async Task AutoTransfer_HandOffWithReturnBy_IsNotUnanswered()
    {
        using var kit = await DeskKit.CreateAsync(App);
        var (op, lawyer) = (await kit.PersonAsync("Ирина Передающая"), await kit.PersonAsync("Юрий Юрист", "lawyer"));
        await kit.PresenceAsync(op, "online");
        await kit.TeamAsync("round_robin", [op], autoTransferAfter: "PT10M");
        var id = await kit.RequestAsync(DeskKit.NewClient());
        await kit.RunAsync();
        Assert.Equal(op, await kit.AssigneeAsync(id));
        using (var admin = App.Api())
        {
            var handoff = await admin.PostAsJsonAsync($"/api/v1/conversations/{id}/handoff",
                new { toUserId = lawyer, comment = "Посмотрите договор", returnBy = App.Clock.GetUtcNow().AddHours(2) });
            Assert.True(handoff.IsSuccessStatusCode, await handoff.Content.ReadAsStringAsync());
        }

        App.Clock.Advance(TimeSpan.FromMinutes(30));
        await kit.RunAsync();

        Assert.Equal(lawyer, await kit.AssigneeAsync(id));
        Assert.DoesNotContain(await kit.LinesAsync(id), l => l.StartsWith("Передано автоматически", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Sla_FirstResponse_AtRiskAt80Percent_ThenBreachedRecordedAndPushed()
    {
        using var kit = await DeskKit.CreateAsync(App);
        var team = await kit.TeamAsync("manual", []);
        using var admin = App.Api();
        var created = await admin.PostAsJsonAsync("/api/v1/sla-policies",
            new JsonObject { ["name"] = "Быстрый ответ", ["firstResponse"] = "PT15M", ["nextResponse"] = "PT30M", ["resolution"] = "P2D", ["businessHoursOnly"] = false, ["teamId"] = team });
        Assert.Equal(201, (int)created.StatusCode);
        var policy = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("PT15M", policy["firstResponse"]!.GetValue<string>());
        Assert.Equal("P2D", policy["resolution"]!.GetValue<string>());
        var start = App.Clock.GetUtcNow();
        var id = await kit.RequestAsync(DeskKit.NewClient());
        await kit.RunAsync();

        var sla = (await kit.ConversationAsync(id))["sla"]!;
        Assert.Equal(policy["id"]!.GetValue<long>(), sla["policyId"]!.GetValue<long>());
        Assert.Equal("ok", sla["state"]!.GetValue<string>());
        Assert.Equal(start.AddMinutes(15), sla["firstResponseDueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(start.AddDays(2), sla["resolutionDueAt"]!.GetValue<DateTimeOffset>());

        App.Clock.Advance(TimeSpan.FromMinutes(12));
        await kit.RunAsync();
        Assert.Equal("at_risk", (await kit.ConversationAsync(id))["sla"]!["state"]!.GetValue<string>());
        Assert.Contains(kit.Events, e => e is SlaAtRisk r && r.ConversationId == id && r.Kind == "first_response");

        App.Clock.Advance(TimeSpan.FromMinutes(3));
        await kit.RunAsync();
        await kit.RunAsync(); // once only
        sla = (await kit.ConversationAsync(id))["sla"]!;
        Assert.Equal("breached", sla["state"]!.GetValue<string>());
        var breach = Assert.Single(sla["breaches"]!.AsArray())!;
        Assert.Equal("first_response", breach["kind"]!.GetValue<string>());
        Assert.Single(kit.Events, e => e is SlaBreached b && b.ConversationId == id && b.Kind == "first_response");
        Assert.Contains("Нарушен срок SLA: первый ответ", await kit.LinesAsync(id));
    }

    [SkippableFact]
    public async Task SlaPolicy_BadDurations_400WithTheField()
    {
        using var admin = App.Api();
        var bad = await admin.PostAsJsonAsync("/api/v1/sla-policies", new { name = "Плохая", firstResponse = "15 минут" });
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Contains("firstResponse", await bad.Content.ReadAsStringAsync());
        var none = await admin.PostAsJsonAsync("/api/v1/sla-policies", new { name = "Пустая" });
        Assert.Equal(400, (int)none.StatusCode);
    }
}

public sealed class SqliteDeskTimersTests(SqliteDeskApp app) : DeskTimersTests<SqliteDeskApp>(app);

public sealed class PostgresDeskTimersTests(PostgresDeskApp app) : DeskTimersTests<PostgresDeskApp>(app);
