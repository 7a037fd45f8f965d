using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Desk;

/// <summary>Issue 12's fixed routes: teams, business hours, presence (API and hub) — fields, validation, roles.</summary>
public abstract class DeskApiTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : DeskApp
{
    [SkippableFact]
    public async Task Teams_CreateReadPatchDelete_WithTheFixedFields()
    {
        using var kit = await DeskKit.CreateAsync(App);
        var member = await kit.PersonAsync("Тамара Отдел");
        using var admin = App.Api();
        var created = await admin.PostAsJsonAsync("/api/v1/teams", new JsonObject
        {
            ["name"] = "Семейное право", ["memberIds"] = new JsonArray(member), ["channelIds"] = new JsonArray(kit.ChannelId),
            ["practiceAreas"] = new JsonArray("семейное"), ["strategy"] = "round_robin", ["capacity"] = 4, ["stickyDays"] = 14,
            ["autoTransferAfter"] = "PT10M", ["businessHoursId"] = null,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var team = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = team["id"]!.GetValue<long>();
        Assert.Equal("round_robin", team["strategy"]!.GetValue<string>());
        Assert.Equal("PT10M", team["autoTransferAfter"]!.GetValue<string>());
        Assert.Equal(member, team["memberIds"]![0]!.GetValue<long>());
        Assert.Equal(kit.ChannelId, team["channelIds"]![0]!.GetValue<string>());
        Assert.Equal(14, team["stickyDays"]!.GetValue<int>());

        var patched = await admin.PatchAsJsonAsync($"/api/v1/teams/{id}", new JsonObject { ["strategy"] = "least_loaded", ["autoTransferAfter"] = null });
        patched.EnsureSuccessStatusCode();
        var read = await App.GetJsonAsync($"/api/v1/teams/{id}");
        Assert.Equal("least_loaded", read["strategy"]!.GetValue<string>());
        Assert.Null(read["autoTransferAfter"]);
        Assert.Equal(4, read["capacity"]!.GetValue<int>());
        Assert.Contains((await App.GetJsonAsync("/api/v1/teams"))["items"]!.AsArray(), t => t!["id"]!.GetValue<long>() == id);

        var conversation = await kit.RequestAsync(DeskKit.NewClient());
        await kit.RunAsync();
        Assert.Equal(id, (await kit.ConversationAsync(conversation))["teamId"]!.GetValue<long>());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/teams/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/teams/{id}")).StatusCode);
    }

    [SkippableFact]
    public async Task Teams_BadInput_400NamingTheField()
    {
        using var admin = App.Api();
        async Task<string> RefusedAsync(JsonObject body)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/teams", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        Assert.Contains("autoTransferAfter", await RefusedAsync(new JsonObject { ["name"] = "X", ["autoTransferAfter"] = "10 минут" }));
        Assert.Contains("ISO 8601", await RefusedAsync(new JsonObject { ["name"] = "X", ["autoTransferAfter"] = "PT0S" }));
        Assert.Contains("strategy", await RefusedAsync(new JsonObject { ["name"] = "X", ["strategy"] = "random" }));
        Assert.Contains("memberIds", await RefusedAsync(new JsonObject { ["name"] = "X", ["memberIds"] = new JsonArray(987654321) }));
        Assert.Contains("capacity", await RefusedAsync(new JsonObject { ["name"] = "X", ["capacity"] = 0 }));
        Assert.Contains("name", await RefusedAsync(new JsonObject { ["strategy"] = "manual" }));
    }

    [SkippableFact]
    public async Task Presence_SelfOrManager_HeldStatusAndOpenCount()
    {
        using var kit = await DeskKit.CreateAsync(App);
        var email = $"op-{Guid.NewGuid():N}@test.local";
        using var admin = App.Api();
        var me = (await (await admin.PostAsJsonAsync("/api/v1/users", new { email, name = "Самостоятельный", role = "operator", password = "Desk-password-1" }))
            .Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
        var colleague = await kit.PersonAsync("Коллега");
        using var client = App.CreateClient(new() { HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Okno-Request", "1");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Desk-password-1" })).StatusCode);

        var own = await client.PutAsJsonAsync($"/api/v1/users/{me}/presence", new { status = "away" });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("away", (await own.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/users/{colleague}/presence", new { status = "offline" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsJsonAsync($"/api/v1/users/{me}/presence", new { status = "busy" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/users/{colleague}/presence", new { status = "online" })).StatusCode);

        App.Clock.Advance(TimeSpan.FromHours(1)); // no tab open: a status set through the API holds
        await kit.RunAsync();
        var items = (await App.GetJsonAsync("/api/v1/presence"))["items"]!.AsArray();
        var row = items.First(p => p!["userId"]!.GetValue<long>() == colleague)!;
        Assert.Equal("online", row["status"]!.GetValue<string>());
        Assert.Equal(0, row["openCount"]!.GetValue<int>());
        Assert.NotNull(row["since"]);
        Assert.Equal("away", items.First(p => p!["userId"]!.GetValue<long>() == me)!["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Presence_ThroughTheHub_OnlineWhileATabIsOpen_AwayWhenIdle_OfflineAfterTheLastTabCloses()
    {
        using var kit = await DeskKit.CreateAsync(App);
        using var api = App.Api();
        var admin = (await api.GetFromJsonAsync<JsonArray>("/api/v1/users"))!.First(u => u!["email"]!.GetValue<string>() == OknoApp.AdminEmail)!["id"]!.GetValue<long>();
        async Task<string> StatusAsync() => (await App.GetJsonAsync("/api/v1/presence"))["items"]!.AsArray()
            .First(p => p!["userId"]!.GetValue<long>() == admin)!["status"]!.GetValue<string>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Server.BaseAddress, "/hubs/inbox"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(OknoApp.ApiToken);
            })
            .Build();
        var changes = new List<string>();
        hub.On<JsonObject>("presenceChanged", p => { if (p["userId"]!.GetValue<long>() == admin) lock (changes) changes.Add(p["status"]!.GetValue<string>()); });
        await hub.StartAsync();
        await OknoApp.EventuallyAsync(async () => await StatusAsync() == "online" ? true : (bool?)null, what: "online once the tab connects");

        await hub.InvokeAsync("Heartbeat", 11 * 60);
        await kit.RunAsync();
        Assert.Equal("away", await StatusAsync());
        await hub.InvokeAsync("Heartbeat", 0);
        Assert.Equal("online", await StatusAsync());

        await hub.StopAsync();
        // The server handles the disconnect after StopAsync returns (long polling): wait until the tab is gone.
        await OknoApp.EventuallyAsync(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Okno.Core.Data.OknoDbContext>();
            var gone = !await db.PresenceConnections.AnyAsync(c => c.UserId == admin) &&
                await db.Presence.AnyAsync(p => p.UserId == admin && p.DisconnectedAt != null);
            return gone ? true : (bool?)null;
        }, what: "the closed tab's disconnect handled");
        await kit.RunAsync();
        Assert.Equal("online", await StatusAsync()); // a reload reconnects within the grace period
        App.Clock.Advance(TimeSpan.FromSeconds(21));
        await kit.RunAsync();
        Assert.Equal("offline", await StatusAsync());
        await OknoApp.EventuallyAsync(() => Task.FromResult((object?)(changes.Count >= 3 ? true : null)), what: "presenceChanged pushes");
    }

    [SkippableFact]
    public async Task BusinessHours_CreateReadReplaceDelete_AndValidation()
    {
        using var admin = App.Api();
        var body = new JsonObject
        {
            ["name"] = "Москва, 9–18", ["timeZone"] = "Europe/Moscow",
            ["week"] = new JsonObject { ["mon"] = new JsonArray(new JsonArray("09:00", "13:00"), new JsonArray("14:00", "18:00")), ["fri"] = new JsonArray(new JsonArray("09:00", "17:00")) },
            ["daysOff"] = new JsonArray("2027-01-01"), ["workingDays"] = new JsonArray("2027-01-09"),
        };
        var created = await admin.PostAsJsonAsync("/api/v1/business-hours", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
        var read = await App.GetJsonAsync($"/api/v1/business-hours/{id}");
        Assert.Equal("14:00", read["week"]!["mon"]![1]![0]!.GetValue<string>());
        Assert.Equal("2027-01-09", read["workingDays"]![0]!.GetValue<string>());

        body["name"] = "Москва, 10–19";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/business-hours/{id}", body)).StatusCode);
        Assert.Equal("Москва, 10–19", (await App.GetJsonAsync($"/api/v1/business-hours/{id}"))["name"]!.GetValue<string>());

        async Task RefusedAsync(Action<JsonObject> spoil, string field)
        {
            var copy = JsonNode.Parse(body.ToJsonString())!.AsObject();
            spoil(copy);
            var response = await admin.PostAsJsonAsync("/api/v1/business-hours", copy);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, await response.Content.ReadAsStringAsync());
        }
        await RefusedAsync(b => b["timeZone"] = "Mars/Olympus", "timeZone");
        await RefusedAsync(b => b["week"] = new JsonObject { ["mon"] = new JsonArray(new JsonArray("18:00", "09:00")) }, "week");
        await RefusedAsync(b => b["week"] = new JsonObject { ["mon"] = new JsonArray(new JsonArray("09:00", "13:00"), new JsonArray("12:00", "18:00")) }, "week");
        await RefusedAsync(b => b["week"] = new JsonObject { ["monday"] = new JsonArray() }, "week");
        await RefusedAsync(b => b["daysOff"] = new JsonArray("01.01.2027"), "daysOff");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/business-hours/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/business-hours/{id}")).StatusCode);
    }
}

public sealed class SqliteDeskApiTests(SqliteDeskApp app) : DeskApiTests<SqliteDeskApp>(app);

public sealed class PostgresDeskApiTests(PostgresDeskApp app) : DeskApiTests<PostgresDeskApp>(app);
