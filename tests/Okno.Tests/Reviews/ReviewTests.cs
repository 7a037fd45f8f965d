using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Data;
using Okno.Tests.Infrastructure;
using Okno.Tests.Security;

namespace Okno.Tests.Reviews;

/// <summary>Issue 13.7: scorecards of requests, who sees them, the review queue, the audit of "not target" verdicts.</summary>
public abstract class ReviewTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : ReviewsApp
{
    private static readonly string[] Criteria = ["Приветствие", "Полнота ответа", "Вежливость", "Соблюдение сроков"];

    private async Task ScorecardAsync(int sample = 3)
    {
        using var admin = App.Api();
        var r = await admin.PutAsJsonAsync("/api/v1/reviews/scorecard", new { criteria = Criteria, samplePerOperator = sample });
        Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> ReviewAsync(HttpClient client, long id, object scores, string? comment = null) =>
        client.PostAsJsonAsync($"/api/v1/conversations/{id}/reviews", new { scores, comment });

    [SkippableFact]
    public async Task Review_UnknownCriterionOrScoreOutOfRange_400_NothingStored()
    {
        await ScorecardAsync();
        var (_, op) = await SecurityKit.CreateUserAsync(App, "operator");
        var id = await ReviewKit.ConversationAsync(App, op);
        using var admin = App.Api();

        var unknown = await ReviewAsync(admin, id, new Dictionary<string, int> { ["Скорость печати"] = 4 });
        var tooHigh = await ReviewAsync(admin, id, new Dictionary<string, int> { ["Вежливость"] = 6 });
        var empty = await ReviewAsync(admin, id, new Dictionary<string, int>());

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Нет такого критерия: «Скорость печати»", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Contains("от 1 до 5", await tooHigh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Empty((await App.GetJsonAsync($"/api/v1/conversations/{id}/reviews"))["items"]!.AsArray());
    }

    [SkippableFact]
    public async Task Review_Valid_201_StoredForTheAssigneeWithAverage()
    {
        await ScorecardAsync();
        var (_, op) = await SecurityKit.CreateUserAsync(App, "operator");
        var id = await ReviewKit.ConversationAsync(App, op);
        using var admin = App.Api();

        var r = await ReviewAsync(admin, id, new Dictionary<string, int> { ["приветствие"] = 5, ["Вежливость"] = 4, ["Полнота ответа"] = 3 }, "Не уточнил город");

        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var review = Assert.Single((await App.GetJsonAsync($"/api/v1/conversations/{id}/reviews"))["items"]!.AsArray())!;
        Assert.Equal(op, review["operatorId"]!.GetValue<long>());
        Assert.Equal(4.0, review["average"]!.GetValue<double>());
        Assert.Equal(5, review["scores"]!["Приветствие"]!.GetValue<int>()); // spelled as the scorecard spells it
        Assert.Equal("Не уточнил город", review["comment"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Operator_SeesOnlyOwnReviews_CannotReview()
    {
        await ScorecardAsync();
        var (email, me) = await SecurityKit.CreateUserAsync(App, "operator");
        var (_, colleague) = await SecurityKit.CreateUserAsync(App, "operator");
        var mine = await ReviewKit.ConversationAsync(App, me);
        var theirs = await ReviewKit.ConversationAsync(App, colleague);
        using (var admin = App.Api())
        {
            (await ReviewAsync(admin, mine, new Dictionary<string, int> { ["Вежливость"] = 5 })).EnsureSuccessStatusCode();
            (await ReviewAsync(admin, theirs, new Dictionary<string, int> { ["Вежливость"] = 2 })).EnsureSuccessStatusCode();
        }
        using var op = await SecurityKit.SignedInAsync(App, email);

        var own = (await op.GetFromJsonAsync<JsonObject>("/api/v1/reviews/mine"))!["items"]!.AsArray();
        var all = (await op.GetFromJsonAsync<JsonObject>("/api/v1/reviews"))!["items"]!.AsArray();
        var ofTheirs = (await op.GetFromJsonAsync<JsonObject>($"/api/v1/conversations/{theirs}/reviews"))!["items"]!.AsArray();

        Assert.Equal([mine], own.Select(r => r!["conversationId"]!.GetValue<long>()));
        Assert.Equal([mine], all.Select(r => r!["conversationId"]!.GetValue<long>()));
        Assert.Empty(ofTheirs);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync($"/api/v1/reviews?operatorId={colleague}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReviewAsync(op, mine, new Dictionary<string, int> { ["Вежливость"] = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/api/v1/reviews/queue")).StatusCode);
    }

    [SkippableFact]
    public async Task Qc_ReviewsAndAuditsVerdicts_ButChangesNothingElse()
    {
        await ScorecardAsync();
        var (opEmail, op) = await SecurityKit.CreateUserAsync(App, "operator");
        var id = await ReviewKit.ConversationAsync(App, op);
        using (var o = await SecurityKit.SignedInAsync(App, opEmail))
            (await o.PostAsJsonAsync($"/api/v1/conversations/{id}/target", new { isTarget = false, reason = "Спам" })).EnsureSuccessStatusCode();
        var (email, _) = await SecurityKit.CreateUserAsync(App, "qc");
        using var qc = await SecurityKit.SignedInAsync(App, email);

        Assert.Equal(HttpStatusCode.Created, (await ReviewAsync(qc, id, new Dictionary<string, int> { ["Вежливость"] = 4 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await qc.PostAsJsonAsync($"/api/v1/conversations/{id}/target-audit", new { decision = "confirm" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await qc.GetAsync("/api/v1/reviews/queue")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await qc.PostAsJsonAsync($"/api/v1/conversations/{id}/resolve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await qc.PostAsJsonAsync($"/api/v1/conversations/{id}/target", new { isTarget = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await qc.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = "Здравствуйте" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await qc.PutAsJsonAsync("/api/v1/reviews/scorecard", new { criteria = new[] { "Другое" } })).StatusCode);
        Assert.False((await ReviewKit.ConversationJsonAsync(App, id))["isTarget"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task Queue_HoldsEveryNotTargetAndBreached_PlusASeededSamplePerOperator()
    {
        await ScorecardAsync(sample: 2);
        var (opEmail, op) = await SecurityKit.CreateUserAsync(App, "operator");
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add(await ReviewKit.ConversationAsync(App, op));
        using (var o = await SecurityKit.SignedInAsync(App, opEmail))
            (await o.PostAsJsonAsync($"/api/v1/conversations/{ids[0]}/target", new { isTarget = false, reason = "Ошиблись номером" })).EnsureSuccessStatusCode();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            var breached = await db.Conversations.FirstAsync(c => c.Id == ids[1]);
            breached.RecordBreach("first_response", App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        var week = Uri.EscapeDataString(App.Clock.GetUtcNow().ToString("O"));

        var first = (await App.GetJsonAsync($"/api/v1/reviews/queue?week={week}"))["items"]!.AsArray();
        var again = (await App.GetJsonAsync($"/api/v1/reviews/queue?week={week}"))["items"]!.AsArray();

        var mine = first.Where(x => ids.Contains(x!["conversationId"]!.GetValue<long>())).ToList();
        string[] Reasons(long id) => mine.Single(x => x!["conversationId"]!.GetValue<long>() == id)!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray();
        Assert.Contains("notTarget", Reasons(ids[0]));
        Assert.Contains("slaBreached", Reasons(ids[1]));
        Assert.Equal(2, mine.Count(x => x!["reasons"]!.AsArray().Any(r => r!.GetValue<string>() == "sample")));
        Assert.Equal(Sampled(first, ids), Sampled(again, ids)); // the same sample on every call
        Assert.Equal("Ошиблись номером", mine.Single(x => x!["conversationId"]!.GetValue<long>() == ids[0])!["notTargetReason"]!.GetValue<string>());
    }

    private static long[] Sampled(JsonArray items, List<long> ids) => items
        .Where(x => ids.Contains(x!["conversationId"]!.GetValue<long>()) && x["reasons"]!.AsArray().Any(r => r!.GetValue<string>() == "sample"))
        .Select(x => x!["conversationId"]!.GetValue<long>()).Order().ToArray();

    [SkippableFact]
    public async Task Overturn_RequestTargetAgain_OutOfQueue_CountedPerOperator()
    {
        var (opEmail, op) = await SecurityKit.CreateUserAsync(App, "operator");
        var wrong = await ReviewKit.ConversationAsync(App, op);
        var right = await ReviewKit.ConversationAsync(App, op);
        using (var o = await SecurityKit.SignedInAsync(App, opEmail))
            foreach (var id in new[] { wrong, right })
                (await o.PostAsJsonAsync($"/api/v1/conversations/{id}/target", new { isTarget = false, reason = "Не наш профиль" })).EnsureSuccessStatusCode();
        using var admin = App.Api();

        var bad = await admin.PostAsJsonAsync($"/api/v1/conversations/{wrong}/target-audit", new { decision = "maybe" });
        var overturn = await admin.PostAsJsonAsync($"/api/v1/conversations/{wrong}/target-audit", new { decision = "overturn", comment = "Это развод, наш профиль" });
        var confirm = await admin.PostAsJsonAsync($"/api/v1/conversations/{right}/target-audit", new { decision = "confirm" });
        var twice = await admin.PostAsJsonAsync($"/api/v1/conversations/{wrong}/target-audit", new { decision = "confirm" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, overturn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode); // overturned: it is target now, nothing to audit
        var c = await ReviewKit.ConversationJsonAsync(App, wrong);
        Assert.True(c["isTarget"]!.GetValue<bool>());
        Assert.True(c["notTargetOverturned"]!.GetValue<bool>());
        var queue = (await App.GetJsonAsync("/api/v1/reviews/queue"))["items"]!.AsArray();
        Assert.DoesNotContain(queue, x => x!["conversationId"]!.GetValue<long>() is var id && (id == wrong || id == right) && x["reasons"]!.AsArray().Any(r => r!.GetValue<string>() == "notTarget"));
        var stats = (await App.GetJsonAsync("/api/v1/reviews/verdicts"))["items"]!.AsArray().Single(s => s!["userId"]!.GetValue<long>() == op)!;
        Assert.Equal(2, stats["verdicts"]!.GetValue<int>());
        Assert.Equal(1, stats["overturned"]!.GetValue<int>());
        Assert.Equal(0.5, stats["overturnRate"]!.GetValue<double>());
        var audit = (await App.GetJsonAsync($"/api/v1/conversations/{wrong}/target-audit"))["items"]!.AsArray().Single()!;
        Assert.Equal("Не наш профиль", audit["reason"]!.GetValue<string>());
        Assert.Equal(op, audit["verdictById"]!.GetValue<long>());
    }

    [SkippableFact]
    public async Task Overturn_ShowsInTheSummaryReportsOverturnedColumn()
    {
        var (opEmail, op) = await SecurityKit.CreateUserAsync(App, "operator");
        var wrong = await ReviewKit.ConversationAsync(App, op);
        var right = await ReviewKit.ConversationAsync(App, op);
        using (var o = await SecurityKit.SignedInAsync(App, opEmail))
            foreach (var id in new[] { wrong, right })
                (await o.PostAsJsonAsync($"/api/v1/conversations/{id}/target", new { isTarget = false, reason = "Спам" })).EnsureSuccessStatusCode();
        using var admin = App.Api();
        (await admin.PostAsJsonAsync($"/api/v1/conversations/{wrong}/target-audit", new { decision = "overturn" })).EnsureSuccessStatusCode();
        var to = Uri.EscapeDataString(App.Clock.GetUtcNow().AddDays(1).ToString("O"));
        var key = op.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var row = await OknoApp.EventuallyAsync(async () =>
        {
            var rows = (await App.GetJsonAsync($"/api/v1/reports/summary?groupBy=operator&to={to}"))["rows"]!.AsArray();
            var r = rows.FirstOrDefault(x => x!["key"]!.GetValue<string>() == key);
            return r is not null && r["requests"]!.GetValue<int>() == 2 && r["notTarget"]!.GetValue<int>() == 1 ? r : null;
        }, what: "the operator's row with both requests, one still not target");

        Assert.Equal(1, row!["overturned"]!.GetValue<int>());
    }
}

public sealed class SqliteReviewTests(SqliteReviewsApp app) : ReviewTests<SqliteReviewsApp>(app);

public sealed class PostgresReviewTests(PostgresReviewsApp app) : ReviewTests<PostgresReviewsApp>(app);
