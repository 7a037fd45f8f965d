using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Desk;

/// <summary>Issue 12, the optional parts: the client's queue-position message (per channel, off by default) and the SLA escalation step.</summary>
public abstract class DeskEscalationTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : DeskApp
{
    private async Task<HttpResponseMessage> PutNoticeAsync(string channelId, object body)
    {
        using var admin = App.Api();
        return await admin.PutAsJsonAsync($"/api/v1/channels/{channelId}/queue-message", body);
    }

    private static async Task<List<string>> OutboundAsync(DeskKit kit, long id) =>
        (await kit.Telegram.MessagesAsync(id)).Where(m => m!["direction"]!.GetValue<string>() == "outbound" && m["kind"]?.GetValue<string>() != "event").Select(m => m!["text"]!.GetValue<string>()).ToList();

    [SkippableFact]
    public async Task QueueMessage_SwitchedOn_TheWaitingClientGetsOneMessageWithThePosition_WhichIsNoAnswer()
    {
        using var kit = await DeskKit.CreateAsync(App);
        await kit.TeamAsync("manual", []);
        var on = await PutNoticeAsync(kit.ChannelId, new { enabled = true, text = "Вы {position}-й в очереди, ответим через {wait}." });
        Assert.True(on.IsSuccessStatusCode, await on.Content.ReadAsStringAsync());
        var first = await kit.RequestAsync(DeskKit.NewClient());
        var second = await kit.RequestAsync(DeskKit.NewClient());
        await kit.RunAsync();
        await kit.RunAsync(); // once per request

        Assert.Equal(["Вы 1-й в очереди, ответим через несколько минут."], await OutboundAsync(kit, first));
        Assert.Equal(["Вы 2-й в очереди, ответим через несколько минут."], await OutboundAsync(kit, second));
        var c = await kit.ConversationAsync(second);
        Assert.Equal(2, c["queuePosition"]!.GetValue<int>());
        Assert.Contains("Клиенту отправлено место в очереди: №2", await kit.LinesAsync(second));
        var list = await App.GetJsonAsync("/api/v1/queue-messages");
        var mine = list["items"]!.AsArray().Single(i => i!["channelId"]!.GetValue<string>() == kit.ChannelId)!;
        Assert.True(mine["enabled"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task QueueMessage_OffByDefault_NothingIsSent()
    {
        using var kit = await DeskKit.CreateAsync(App);
        await kit.TeamAsync("manual", []);
        var id = await kit.RequestAsync(DeskKit.NewClient());
        await kit.RunAsync();

        Assert.Empty(await OutboundAsync(kit, id));
        var list = await App.GetJsonAsync("/api/v1/queue-messages");
        var mine = list["items"]!.AsArray().Single(i => i!["channelId"]!.GetValue<string>() == kit.ChannelId)!;
        Assert.False(mine["enabled"]!.GetValue<bool>());
        Assert.Contains("{position}", mine["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task QueueMessage_BadInput_400NamingTheField_UnknownChannel404()
    {
        using var kit = await DeskKit.CreateAsync(App);
        var notBool = await PutNoticeAsync(kit.ChannelId, new { enabled = "да" });
        Assert.Equal(400, (int)notBool.StatusCode);
        Assert.NotNull((await notBool.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["enabled"]);
        var tooLong = await PutNoticeAsync(kit.ChannelId, new { enabled = true, text = new string('я', 1001) });
        Assert.Equal(400, (int)tooLong.StatusCode);
        Assert.NotNull((await tooLong.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["text"]);
        var empty = await PutNoticeAsync(kit.ChannelId, new { enabled = true, text = "  " });
        Assert.Equal(400, (int)empty.StatusCode);
        Assert.Equal(404, (int)(await PutNoticeAsync(Guid.NewGuid().ToString(), new { enabled = true })).StatusCode);
    }

    [SkippableFact]
    public async Task SlaEscalation_Reassign_BreachGivesTheRequestToTheNextOperator()
    {
        using var kit = await DeskKit.CreateAsync(App);
        var (a, b) = (await kit.PersonAsync("Олег Медленный"), await kit.PersonAsync("Нина Быстрая"));
        await kit.PresenceAsync(a, "online");
        await kit.PresenceAsync(b, "online");
        var team = await kit.TeamAsync("least_loaded", [a, b]);
        using var admin = App.Api();
        var created = await admin.PostAsJsonAsync("/api/v1/sla-policies",
            new JsonObject { ["name"] = "Эскалация", ["firstResponse"] = "PT15M", ["teamId"] = team, ["escalation"] = "reassign" });
        Assert.Equal(201, (int)created.StatusCode);
        Assert.Equal("reassign", (await created.Content.ReadFromJsonAsync<JsonObject>())!["escalation"]!.GetValue<string>());
        var id = await kit.RequestAsync(DeskKit.NewClient());
        await kit.RunAsync();
        var holder = (await kit.AssigneeAsync(id))!.Value;

        App.Clock.Advance(TimeSpan.FromMinutes(15));
        await kit.RunAsync();
        await kit.RunAsync();

        Assert.Equal(holder == a ? b : a, await kit.AssigneeAsync(id));
        Assert.Contains(await kit.LinesAsync(id), l => l.StartsWith("Передано автоматически: нарушен срок SLA (первый ответ)", StringComparison.Ordinal));
        Assert.Contains(kit.Events, e => e is Okno.Core.Events.UserNotified n && n.UserId == holder && n.Text.Contains("нарушен срок SLA", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task SlaEscalation_DefaultNotify_UnknownValue400()
    {
        using var admin = App.Api();
        var created = await admin.PostAsJsonAsync("/api/v1/sla-policies", new { name = "По умолчанию", firstResponse = "PT1H" });
        Assert.Equal("notify", (await created.Content.ReadFromJsonAsync<JsonObject>())!["escalation"]!.GetValue<string>());
        var bad = await admin.PostAsJsonAsync("/api/v1/sla-policies", new { name = "Плохая", firstResponse = "PT1H", escalation = "fire" });
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.NotNull((await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["escalation"]);
    }
}

public sealed class SqliteDeskEscalationTests(SqliteDeskApp app) : DeskEscalationTests<SqliteDeskApp>(app);

public sealed class PostgresDeskEscalationTests(PostgresDeskApp app) : DeskEscalationTests<PostgresDeskApp>(app);
