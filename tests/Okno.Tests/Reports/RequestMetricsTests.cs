using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Reports;
using System.Text.Json.Nodes;
using Okno.Tests.Desk;
using Okno.Tests.Infrastructure;
using static Okno.Tests.Reports.ReportsKit;

namespace Okno.Tests.Reports;

/// <summary>Issue 13.1: a request's numbers, computed from its history through the real webhooks and APIs, exact to the second.</summary>
public abstract class RequestMetricsTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : ReportsApp
{
    private async Task ClientWritesAgainAsync(DeskKit kit, long client, long conversationId, string text)
    {
        (await kit.Telegram.PostAsync(App.Sim.Telegram.TextUpdate(client, text, "Клиент"))).EnsureSuccessStatusCode();
        await OknoApp.EventuallyAsync(async () => (await kit.Telegram.MessagesAsync(conversationId)).Any(m => m!["text"]?.GetValue<string>() == text) ? (bool?)true : null,
            what: "the client's second message");
    }

    [SkippableFact]
    public async Task KnownConversation_EveryMetricExact_NotesAndAutoRepliesExcluded_ReopenRecomputed()
    {
        using var kit = await DeskKit.CreateAsync(App);
        await kit.TeamAsync("manual", []);
        using (var admin = App.Api())
            (await admin.PutAsJsonAsync($"/api/v1/channels/{kit.ChannelId}/queue-message", new { enabled = true, text = "Вы {position}-й в очереди." })).EnsureSuccessStatusCode();
        using var a = await StaffAsync(App);
        using var b = await StaffAsync(App);
        App.Clock.Advance(TimeSpan.FromDays(1));
        var t0 = App.Clock.GetUtcNow();
        var client = DeskKit.NewClient();
        var id = await kit.RequestAsync(client, "Нужна консультация по договору");

        App.Clock.Advance(TimeSpan.FromSeconds(5));
        await kit.RunAsync(); // the queue notice: an automatic message, no answer
        Assert.Contains(await kit.LinesAsync(id), l => l.StartsWith("Клиенту отправлено место в очереди", StringComparison.Ordinal));
        App.Clock.Advance(TimeSpan.FromSeconds(25));
        await ActAsync(a.Client, id, "notes", new { text = "Похоже на спор с застройщиком" }); // a note: not an answer
        App.Clock.Advance(TimeSpan.FromSeconds(60));
        await TakeAndReplyAsync(a, id, "Здравствуйте! Расскажите подробнее."); // t + 90
        App.Clock.Advance(TimeSpan.FromSeconds(110));
        await ClientWritesAgainAsync(kit, client, id, "Договор от марта, срок сорван"); // t + 200
        App.Clock.Advance(TimeSpan.FromSeconds(60));
        await ReplyAsync(a, id, "Понял, посмотрю договор."); // t + 260: 60 s
        App.Clock.Advance(TimeSpan.FromSeconds(40));
        await ActAsync(a.Client, id, "handoff", new { toUserId = b.Id, comment = "Юрист по недвижимости" }); // t + 300
        App.Clock.Advance(TimeSpan.FromSeconds(700));
        await ActAsync(b.Client, id, "resolve"); // t + 1000

        var row = await RowAsync(App, id, t0.AddMinutes(-1), r => Long(r, "resolutionSeconds") is not null);
        Assert.Equal(90, Long(row, "firstResponseSeconds"));
        Assert.Equal(75, Long(row, "averageResponseSeconds"));
        Assert.Equal(90, Long(row, "maxResponseSeconds"));
        Assert.Equal(1000, Long(row, "resolutionSeconds"));
        Assert.Equal(1, Long(row, "handOffs"));
        Assert.Equal(0, Long(row, "reassignments"));
        Assert.Equal(2, Long(row, "messagesIn"));
        Assert.Equal(3, Long(row, "messagesOut")); // two replies and the queue notice
        Assert.Equal(b.Id, Long(row, "assigneeId"));
        Assert.Equal("telegram", row["channelKind"]!.GetValue<string>());
        Assert.Equal(kit.ChannelId, row["channelId"]!.GetValue<string>());
        Assert.Equal("direct:telegram", row["source"]!.GetValue<string>());
        Assert.Equal("resolved", row["status"]!.GetValue<string>());
        Assert.Null(row["csat"]);
        Assert.Null(row["isTarget"]);

        App.Clock.Advance(TimeSpan.FromSeconds(1000));
        await ActAsync(b.Client, id, "reopen"); // t + 2000: open again, no resolution
        row = await RowAsync(App, id, t0.AddMinutes(-1), r => r["status"]!.GetValue<string>() == "open");
        Assert.Null(row["resolutionSeconds"]);
        App.Clock.Advance(TimeSpan.FromSeconds(500));
        await ActAsync(b.Client, id, "target", new { isTarget = false, reason = "Не наш профиль" });
        await ActAsync(b.Client, id, "resolve"); // t + 2500
        row = await RowAsync(App, id, t0.AddMinutes(-1), r => Long(r, "resolutionSeconds") is not null);
        Assert.Equal(2500, Long(row, "resolutionSeconds"));
        Assert.False(row["isTarget"]!.GetValue<bool>());
        Assert.Equal("Не наш профиль", row["notTargetReason"]!.GetValue<string>());
        Assert.Equal(90, Long(row, "firstResponseSeconds"));
    }

    [SkippableFact]
    public async Task FirstResponse_AcrossAWeekend_BusinessVariantCountsWorkingMinutesOnly()
    {
        using var kit = await DeskKit.CreateAsync(App);
        long hoursId;
        using (var admin = App.Api())
        {
            var day = new JsonArray(new JsonArray("09:00", "18:00"));
            var week = new JsonObject();
            foreach (var d in new[] { "mon", "tue", "wed", "thu", "fri" }) week[d] = day.DeepClone();
            var created = await admin.PostAsJsonAsync("/api/v1/business-hours", new JsonObject { ["name"] = "Пн–Пт 9–18", ["timeZone"] = "Europe/Moscow", ["week"] = week });
            created.EnsureSuccessStatusCode();
            hoursId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
        }
        await kit.TeamAsync("manual", [], businessHoursId: hoursId);
        using var a = await StaffAsync(App);

        var asked = MoveTo(App, DayOfWeek.Friday, 17, 59); // a minute before closing
        var id = await kit.RequestAsync(DeskKit.NewClient(), "Вопрос в пятницу вечером");
        await kit.RunAsync(); // the desk puts it in the team
        var answered = MoveTo(App, DayOfWeek.Monday, 9, 1); // a minute after opening
        await TakeAndReplyAsync(a, id, "Доброе утро! Отвечаю.");

        var row = await RowAsync(App, id, asked.AddMinutes(-1), r => Long(r, "firstResponseSeconds") is not null);
        Assert.Equal((long)(answered - asked).TotalSeconds, Long(row, "firstResponseSeconds"));
        Assert.Equal(120, Long(row, "firstResponseBusinessSeconds"));
        Assert.NotNull(Long(row, "teamId"));
    }

    [SkippableFact]
    public async Task Csat_ReadFromTheConversation_AndAMissingOrStaleRowIsRebuiltByTheStartUpCheck()
    {
        using var kit = await DeskKit.CreateAsync(App);
        using var a = await StaffAsync(App);
        App.Clock.Advance(TimeSpan.FromDays(1));
        var t0 = App.Clock.GetUtcNow();
        var id = await kit.RequestAsync(DeskKit.NewClient());
        App.Clock.Advance(TimeSpan.FromSeconds(42));
        await TakeAndReplyAsync(a, id, "Здравствуйте!");
        await RowAsync(App, id, t0.AddMinutes(-1), r => Long(r, "firstResponseSeconds") == 42);

        // The survey (issue 13.8) stores the score on the conversation and tells the stream, as every change does.
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            (await db.Conversations.SingleAsync(c => c.Id == id)).RecordCsat(4, App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        App.Services.GetRequiredService<ILiveEvents>().Publish(new ConversationUpdated(id, ConversationChange.Edited));
        await RowAsync(App, id, t0.AddMinutes(-1), r => Long(r, "csat") == 4);
        var summary = await App.GetJsonAsync($"/api/v1/reports/summary?from={Q(t0)}&to={Q(t0.AddHours(1))}&groupBy=account");
        Assert.Equal(4, summary["rows"]![0]!["csatAverage"]!.GetValue<double>());

        // History changed with nobody told (a crash before the event, a row lost): the start-up check finds and rebuilds it.
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            await db.RequestMetrics.Where(r => r.ConversationId == id).ExecuteDeleteAsync();
        }
        Assert.True(await App.Services.GetRequiredService<RequestMetricsWorker>().CheckAsync(CancellationToken.None) >= 1);
        var row = await RowAsync(App, id, t0.AddMinutes(-1), _ => true);
        Assert.Equal(42, Long(row, "firstResponseSeconds"));
        Assert.Equal(4, Long(row, "csat"));
    }
}

public sealed class SqliteRequestMetricsTests(SqliteReportsApp app) : RequestMetricsTests<SqliteReportsApp>(app);

public sealed class PostgresRequestMetricsTests(PostgresReportsApp app) : RequestMetricsTests<PostgresReportsApp>(app);
