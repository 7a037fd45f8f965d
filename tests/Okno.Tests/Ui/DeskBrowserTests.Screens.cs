using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>The desk's admin screens and the supervisor board.</summary>
public abstract partial class DeskBrowserTests<TApp>
{
    private async Task<JsonObject> FindAsync(string url, string name)
    {
        var list = await App.GetJsonAsync(url);
        return list["items"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == name)!.AsObject();
    }

    [SkippableFact]
    public async Task Admin_CreatesBusinessHoursTeamAndSlaPolicy_ThroughTheScreens()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var op = await CreateUserAsync("operator", "Юлия Отдельская");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var admin = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        await admin.ClickAsync("[data-test=nav-desk]");
        await Expect(admin.Locator("[data-test=board-people]")).ToBeVisibleAsync();

        await admin.ClickAsync("[data-test=desk-nav-hours]");
        await Expect(admin.Locator("[data-test=hours-form]")).ToBeVisibleAsync();
        await admin.FillAsync("[data-test=hours-name]", "Москва " + tag);
        await Expect(admin.Locator("[data-test=hours-mon]")).ToHaveValueAsync("09:00-18:00");
        await admin.FillAsync("[data-test=hours-fri]", "09:00-13:00, 14:00-17:00");
        await admin.FillAsync("[data-test=hours-days-off]", "2027-01-01, 07.01.2027");
        await admin.FillAsync("[data-test=hours-working-days]", "2027-01-09");
        await admin.ClickAsync("[data-test=hours-save]");
        await Expect(admin.Locator("[data-test=hours-row]", new() { HasText = "Москва " + tag })).ToContainTextAsync("07.01.2027");
        await App.ShotAsync(admin, "43-admin-business-hours");
        var hours = await FindAsync("/api/v1/business-hours", "Москва " + tag);
        Assert.Equal("Europe/Moscow", hours["timeZone"]!.GetValue<string>());
        Assert.Equal("""[["09:00","13:00"],["14:00","17:00"]]""", hours["week"]!["fri"]!.ToJsonString());
        Assert.False(hours["week"]!.AsObject().ContainsKey("sat"));
        Assert.Equal("""["2027-01-01","2027-01-07"]""", hours["daysOff"]!.ToJsonString());
        Assert.Equal("""["2027-01-09"]""", hours["workingDays"]!.ToJsonString());

        await admin.ClickAsync("[data-test=desk-nav-teams]");
        await Expect(admin.Locator("[data-test=team-form]")).ToBeVisibleAsync();
        await admin.FillAsync("[data-test=team-name]", "Договорной " + tag);
        await admin.SelectOptionAsync("[data-test=team-strategy]", "least_loaded");
        await admin.FillAsync("[data-test=team-capacity]", "3");
        await admin.FillAsync("[data-test=team-autotransfer]", "10");
        await admin.SelectOptionAsync("[data-test=team-hours]", new SelectOptionValue { Label = "Москва " + tag });
        await admin.CheckAsync($"[data-test=team-member][data-id='{op.Id}']");
        await admin.CheckAsync($"[data-test=team-channel][data-id='{kit.ChannelId}']");
        await admin.FillAsync("[data-test=team-areas]", "договоры, аренда");
        await admin.ClickAsync("[data-test=team-save]");
        var row = admin.Locator("[data-test=team-row]", new() { HasText = "Договорной " + tag });
        await Expect(row).ToContainTextAsync("Юлия Отдельская");
        await Expect(row).ToContainTextAsync("Москва " + tag);
        await App.ShotAsync(admin, "44-admin-teams");

        // The client's queue message: off by default, switched on per channel with an edited text.
        var notice = admin.Locator($"[data-test=queue-message][data-id='{kit.ChannelId}']");
        await Expect(notice.Locator("[data-test=queue-message-on]")).Not.ToBeCheckedAsync();
        await notice.Locator("[data-test=queue-message-on]").CheckAsync();
        await notice.Locator("[data-test=queue-message-text]").FillAsync("Вы {position}-й в очереди " + tag);
        await notice.Locator("[data-test=queue-message-save]").ClickAsync();
        await Expect(admin.Locator("[data-test=queue-message-saved]")).ToBeVisibleAsync();
        var notices = await App.GetJsonAsync("/api/v1/queue-messages");
        var saved = notices["items"]!.AsArray().Single(i => i!["channelId"]!.GetValue<string>() == kit.ChannelId)!;
        Assert.True(saved["enabled"]!.GetValue<bool>());
        Assert.Equal("Вы {position}-й в очереди " + tag, saved["text"]!.GetValue<string>());
        var team = await FindAsync("/api/v1/teams", "Договорной " + tag);
        Assert.Equal("least_loaded", team["strategy"]!.GetValue<string>());
        Assert.Equal(3, team["capacity"]!.GetValue<int>());
        Assert.Equal("PT10M", team["autoTransferAfter"]!.GetValue<string>());
        Assert.Equal(hours["id"]!.GetValue<long>(), team["businessHoursId"]!.GetValue<long>());
        Assert.Equal($"[{op.Id}]", team["memberIds"]!.ToJsonString());
        Assert.Equal($"[\"{kit.ChannelId}\"]", team["channelIds"]!.ToJsonString());
        Assert.Equal(["договоры", "аренда"], team["practiceAreas"]!.AsArray().Select(a => a!.GetValue<string>()));

        await admin.ClickAsync("[data-test=desk-nav-sla]");
        await Expect(admin.Locator("[data-test=sla-form]")).ToBeVisibleAsync();
        await admin.FillAsync("[data-test=sla-name]", "Договоры " + tag);
        await admin.FillAsync("[data-test=sla-first]", "15");
        await admin.FillAsync("[data-test=sla-resolution]", "48");
        await admin.SelectOptionAsync("[data-test=sla-team]", new SelectOptionValue { Label = "Договорной " + tag });
        await admin.SelectOptionAsync("[data-test=sla-escalation]", "reassign");
        await admin.ClickAsync("[data-test=sla-save]");
        await Expect(admin.Locator("[data-test=sla-row]", new() { HasText = "Договоры " + tag })).ToContainTextAsync("15 мин");
        await App.ShotAsync(admin, "45-admin-sla");
        var policy = await FindAsync("/api/v1/sla-policies", "Договоры " + tag);
        Assert.Equal("PT15M", policy["firstResponse"]!.GetValue<string>());
        Assert.Equal("P2D", policy["resolution"]!.GetValue<string>());
        Assert.Equal(team["id"]!.GetValue<long>(), policy["teamId"]!.GetValue<long>());
        Assert.Equal("reassign", policy["escalation"]!.GetValue<string>());

        // A bad interval is refused with the day named, and nothing is saved.
        await admin.ClickAsync("[data-test=desk-nav-hours]");
        await Expect(admin.Locator("[data-test=hours-form]")).ToBeVisibleAsync();
        await admin.FillAsync("[data-test=hours-name]", "Ошибка " + tag);
        await admin.FillAsync("[data-test=hours-tue]", "9 утра");
        await admin.ClickAsync("[data-test=hours-save]");
        await Expect(admin.Locator("[data-test=hours-error]")).ToContainTextAsync("Вт: ожидается ЧЧ:ММ-ЧЧ:ММ");
        await Expect(admin.Locator("[data-test=hours-row]", new() { HasText = "Ошибка " + tag })).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task SupervisorBoard_ShowsOnlineOperatorTheirLoadAndWhatIsBreached_Live()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var team = await TeamAsync("Наблюдаемый " + tag, kit.ChannelId);
        await PostAsync("/api/v1/sla-policies", new JsonObject { ["name"] = "Доска " + tag, ["firstResponse"] = "PT3S", ["teamId"] = team });
        var chief = await CreateUserAsync("supervisor", "Галина Старшая");
        var op = await CreateUserAsync("operator", "Пётр Нагруженный");
        await ClientWritesAsync(kit, NextTelegramUser(), $"Вопрос по доверенности {tag}", "Зоя");

        var board = await App.SignInAsync(chief.Email, Password);
        await board.GotoAsync("/desk");
        var person = board.Locator($"[data-test=board-person][data-id='{op.Id}']");
        await Expect(person).ToHaveAttributeAsync("data-status", "offline");

        var page = await App.SignInAsync(op.Email, Password);
        await Expect(person).ToHaveAttributeAsync("data-status", "online");
        await OpenFromQueueAsync(page, tag);
        await page.ClickAsync("[data-test=take]");
        await Expect(page.Locator("[data-test=take]")).ToHaveCountAsync(0);
        await Expect(person.Locator("[data-test=board-load]")).ToHaveAttributeAsync("data-open", "1");
        var risk = board.Locator("[data-test=board-risk]", new() { HasText = "Зоя" });
        await Expect(risk.Locator("[data-test=sla]")).ToHaveAttributeAsync("data-state", "breached");
        await Expect(risk).ToContainTextAsync("Пётр Нагруженный");
        await App.ShotAsync(board, "46-supervisor-board");
        await board.SetViewportSizeAsync(1280, 800);
        await Expect(person).ToBeVisibleAsync();
        await App.ShotAsync(board, "46-supervisor-board-1280");

        // The operator steps away in the rail: the supervisor sees it at once.
        await page.ClickAsync("[data-test=presence-switch]");
        await page.ClickAsync("[data-test=presence-away]");
        await Expect(person).ToHaveAttributeAsync("data-status", "away");
        await Expect(person.Locator("[data-test=board-status]")).ToContainTextAsync("Отошёл");
        await page.Context.CloseAsync();
        await board.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task AutoTransfer_UnansweredRequestGoesToTheColleague_TheReasonShowsAndTheFormerIsTold()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (first, second) = (await CreateUserAsync("operator", "Инна Первая"), await CreateUserAsync("operator", "Кира Вторая"));
        var a = await App.SignInAsync(first.Email, Password);
        var b = await App.SignInAsync(second.Email, Password);
        await OknoApp.EventuallyAsync(async () =>
        {
            var list = (await App.GetJsonAsync("/api/v1/presence"))["items"]!.AsArray();
            return list.Count(i => (i!["userId"]!.GetValue<long>() == first.Id || i["userId"]!.GetValue<long>() == second.Id) && i["status"]!.GetValue<string>() == "online") == 2;
        }, TimeSpan.FromSeconds(20), "both operators online");
        await PostAsync("/api/v1/teams", new JsonObject
        {
            ["name"] = "Переходящий " + tag, ["strategy"] = "round_robin", ["channelIds"] = new JsonArray(kit.ChannelId),
            ["memberIds"] = new JsonArray(first.Id, second.Id), ["autoTransferAfter"] = "PT4S",
        });
        var id = await ClientWritesAsync(kit, NextTelegramUser(), $"Ответьте, пожалуйста {tag}", "Лев");

        // Whoever holds it and stays silent is told (it keeps moving between the two while nobody answers);
        // the timeline says why it moved.
        var holder = await OknoApp.EventuallyAsync(async () => (await App.GetJsonAsync($"/api/v1/conversations/{id}"))["assigneeId"]?.GetValue<long>(),
            TimeSpan.FromSeconds(20), "the first assignment");
        var page = holder == first.Id ? a : b;
        await Expect(page.Locator("[data-test=toast]", new() { HasText = "клиент ждал ответа дольше 4 с" }).First).ToBeVisibleAsync();
        var admin = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        await admin.GotoAsync($"/c/{id}");
        await Expect(admin.Locator("[data-test=event]", new() { HasText = "Передано автоматически: клиент ждал ответа 4 с" }).First).ToBeVisibleAsync();
        await Expect(admin.Locator("[data-test=event]", new() { HasText = "Назначено автоматически" }).First).ToBeVisibleAsync();
        await admin.Context.CloseAsync();
        await a.Context.CloseAsync();
        await b.Context.CloseAsync();
    }
}
