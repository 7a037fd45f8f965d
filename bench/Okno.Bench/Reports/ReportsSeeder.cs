using System.Diagnostics;
using Okno.Bench.Query;

namespace Okno.Bench.Reports;

/// <summary>
/// 100 000 requests with their metrics rows, written straight into the real schema (one contact and one conversation
/// per request, spread over 90 days, 20 operators, 5 teams, 40 sources, 4 practice areas). No messages: a row's
/// LastMessageId is 0, as the start-up check expects of a request without history, so nothing is recomputed.
/// </summary>
public static class ReportsSeeder
{
    public static async Task<(Guid ChannelId, double Seconds)> SeedAsync(ISeedTarget target, int requests, DateTimeOffset now)
    {
        var sw = Stopwatch.StartNew();
        var channel = await target.ChannelIdAsync();
        var start = now.AddDays(-90);
        var random = new Random(13);
        var created = new DateTimeOffset[requests + 1];
        for (var k = 1; k <= requests; k++) created[k] = start.AddSeconds(random.NextDouble() * 90 * 86400);

        await target.WriteAsync("Contacts", ["Id", "Name", "CreatedAt", "IsDemo", "MergedIntoId"],
            Range(requests, c => new object?[] { (long)c, $"Клиент {c}", created[c], false, null }));
        await target.WriteAsync("Conversations",
            ["Id", "ContactId", "Status", "AssigneeId", "SourceChannelAccountId", "SourceDetails", "CreatedAt", "FirstResponseAt", "ResolvedAt",
             "LastMessageAt", "LastMessagePreview", "LastInboundAt", "UnreadCount", "SnoozedUntil", "HandedOffById", "ReturnBy", "HandOffComment",
             "IsTarget", "NotTargetReason", "IsDemo"],
            Range(requests, k => new object?[] { (long)k, (long)k, k % 10 == 0 ? "Open" : "Resolved", null, channel, null, created[k], null,
                k % 10 == 0 ? null : created[k].AddHours(5), created[k], null, created[k], 0, null, null, null, null, null, null, false }));

        string[] areas = ["семейное", "наследство", "налоговое", "жилищное"];
        await target.WriteAsync("RequestMetrics",
            ["ConversationId", "Version", "LastMessageId", "ComputedAt", "CreatedAt", "LocalDay", "ContactId", "Status", "AssigneeId", "TeamId", "ChannelKind", "ChannelId",
             "Source", "Page", "Referrer", "UtmSource", "UtmMedium", "UtmCampaign", "AvitoItem", "FirstInboundAt", "FirstResponseSeconds",
             "FirstResponseBusinessSeconds", "Responses", "AverageResponseSeconds", "MaxResponseSeconds", "ResolutionSeconds", "ResolutionBusinessSeconds",
             "HandOffs", "Reassignments", "MessagesIn", "MessagesOut", "SlaState", "SlaBreaches", "IsTarget", "NotTargetReason", "PracticeArea", "Csat",
             "QualityViolations"],
            Range(requests, k =>
            {
                var open = k % 10 == 0;
                var first = (long)(10 + Math.Exp(random.NextDouble() * 8)); // 11 s … ~50 min, skewed like real waits
                var source = (k % 40) switch
                {
                    < 15 => $"utm:yandex/cpc/campaign-{k % 15}",
                    < 25 => $"avito:{3_000_000_000L + k % 10}",
                    < 35 => $"page:site.ru/page-{k % 10}",
                    _ => "direct:telegram",
                };
                bool? target = (k % 7) switch { 0 => false, < 4 => true, _ => null };
                var local = created[k].ToOffset(TimeSpan.FromHours(3)); // Europe/Moscow, the default zone
                return new object?[] { (long)k, 2, 0L, now, created[k], local.Year * 10000 + local.Month * 100 + local.Day, (long)k, open ? "Open" : "Resolved", (long)(k % 20) + 1, (long)(k % 5) + 1, "Telegram", channel,
                    source, null, null, null, null, null, null, created[k], first, first / 2, 2, first, first * 2, open ? null : 18_000L, open ? null : 9_000L,
                    k % 9 == 0 ? 1 : 0, k % 13 == 0 ? 1 : 0, 3, 2, "Ok", k % 17 == 0 ? 1 : 0, target, target == false ? "Спам" : null,
                    k % 5 == 4 ? null : areas[k % 4], k % 3 == 0 ? (k % 5) + 1 : null, k % 11 == 0 ? 1 : 0 };
            }));
        await target.FinishAsync();
        return (channel, sw.Elapsed.TotalSeconds);
    }

    private static IEnumerable<object?[]> Range(int count, Func<int, object?[]> row)
    {
        for (var i = 1; i <= count; i++) yield return row(i);
    }
}
