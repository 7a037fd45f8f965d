using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Desk;
using Okno.Tests.Infrastructure;
using Okno.Tests.Security;

namespace Okno.Tests.Reports;

/// <summary>What the reports tests do through the public API: staff who answer at set times, and the reports' answers.</summary>
public static class ReportsKit
{
    public sealed record Staff(long Id, HttpClient Client) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    public static async Task<Staff> StaffAsync(ReportsApp app, string role = "operator")
    {
        var (email, id) = await SecurityKit.CreateUserAsync(app, role);
        return new Staff(id, await SecurityKit.SignedInAsync(app, email));
    }

    public static async Task TakeAndReplyAsync(Staff who, long conversationId, string text)
    {
        var take = await who.Client.PostAsync($"/api/v1/conversations/{conversationId}/take", null);
        Assert.True(take.IsSuccessStatusCode, await take.Content.ReadAsStringAsync());
        await ReplyAsync(who, conversationId, text);
    }

    public static async Task ReplyAsync(Staff who, long conversationId, string text)
    {
        var reply = await who.Client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { text });
        Assert.True(reply.StatusCode == HttpStatusCode.Accepted, await reply.Content.ReadAsStringAsync());
    }

    public static async Task ActAsync(HttpClient client, long conversationId, string action, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/{action}", body ?? new { });
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>The request's report row once <paramref name="ready"/> holds (the metrics are computed after commit).</summary>
    public static Task<JsonObject> RowAsync(OknoApp app, long conversationId, DateTimeOffset from, Func<JsonObject, bool> ready) =>
        OknoApp.EventuallyAsync(async () =>
        {
            var page = await app.GetJsonAsync($"/api/v1/reports/requests?from={Q(from)}&to={Q(from.AddDays(5))}&limit=500");
            return page["items"]!.AsArray().Select(i => i!.AsObject()).FirstOrDefault(i => i["conversationId"]!.GetValue<long>() == conversationId && ready(i));
        }, what: "the request's metrics");

    public static long? Long(JsonObject row, string name) => row[name]?.GetValue<long>();

    /// <summary>Moves the fake clock to the next <paramref name="day"/> at the Moscow wall-clock time given.</summary>
    public static DateTimeOffset MoveTo(DeskApp app, DayOfWeek day, int hour, int minute)
    {
        var moscow = TimeSpan.FromHours(3);
        var now = app.Clock.GetUtcNow().ToOffset(moscow);
        var target = new DateTimeOffset(now.Date, moscow).AddHours(hour).AddMinutes(minute);
        do target = target.AddDays(1); while (target.DayOfWeek != day);
        app.Clock.Advance(target - app.Clock.GetUtcNow());
        return app.Clock.GetUtcNow();
    }
}
