using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Desk;
using Okno.Core.Events;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Desk;

/// <summary>What the desk tests do through the public API: people, presence, a team on its own channel, client requests.</summary>
public sealed class DeskKit(DeskApp app, TelegramTestKit telegram) : IDisposable
{
    private readonly List<OknoEvent> _events = [];
    private IDisposable? _subscription;
    private static long _nextClient = 40_000 + Random.Shared.Next(0, 1_000_000) * 10L;

    public TelegramTestKit Telegram => telegram;
    public string ChannelId => telegram.ChannelId;

    public static async Task<DeskKit> CreateAsync(DeskApp app)
    {
        var kit = new DeskKit(app, await TelegramTestKit.CreateAsync(app));
        kit._subscription = app.Services.GetRequiredService<EventBus>().Subscribe(e => { lock (kit._events) kit._events.Add(e); });
        return kit;
    }

    public List<OknoEvent> Events { get { lock (_events) return [.. _events]; } }

    public async Task<long> PersonAsync(string name, string role = "operator")
    {
        using var admin = app.Api();
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email = $"{role}-{Guid.NewGuid():N}@test.local", name, role, password = "Desk-password-1" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
    }

    public async Task PresenceAsync(long userId, string status)
    {
        using var admin = app.Api();
        var response = await admin.PutAsJsonAsync($"/api/v1/users/{userId}/presence", new { status });
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<long> TeamAsync(string strategy, IEnumerable<long> members, int capacity = 5, string? autoTransferAfter = null, int stickyDays = 30,
        IEnumerable<string>? practiceAreas = null, long? businessHoursId = null)
    {
        using var admin = app.Api();
        var body = new JsonObject
        {
            ["name"] = "Отдел " + Guid.NewGuid().ToString("N")[..6], ["memberIds"] = new JsonArray(members.Select(m => (JsonNode)m).ToArray()),
            ["channelIds"] = new JsonArray(ChannelId), ["practiceAreas"] = new JsonArray((practiceAreas ?? []).Select(p => (JsonNode)p).ToArray()),
            ["strategy"] = strategy, ["capacity"] = capacity, ["stickyDays"] = stickyDays, ["autoTransferAfter"] = autoTransferAfter, ["businessHoursId"] = businessHoursId,
        };
        var response = await admin.PostAsJsonAsync("/api/v1/teams", body);
        Assert.True((int)response.StatusCode == 201, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
    }

    public static long NewClient() => Interlocked.Increment(ref _nextClient);

    /// <summary>A client writes; returns the conversation id.</summary>
    public async Task<long> RequestAsync(long client, string? text = null)
    {
        text ??= "Вопрос " + Guid.NewGuid().ToString("N");
        (await telegram.PostAsync(app.Sim.Telegram.TextUpdate(client, text, "Клиент"))).EnsureSuccessStatusCode();
        return (await OknoApp.EventuallyAsync(() => telegram.FindConversationAsync(text)))["id"]!.GetValue<long>();
    }

    public Task<int> RunAsync() => app.Services.GetRequiredService<DeskScheduler>().RunOnceAsync(CancellationToken.None);

    public Task<JsonObject> ConversationAsync(long id) => app.GetJsonAsync($"/api/v1/conversations/{id}");

    public async Task<long?> AssigneeAsync(long id) => (await ConversationAsync(id))["assigneeId"]?.GetValue<long>();

    public async Task<List<string>> LinesAsync(long id) =>
        (await telegram.MessagesAsync(id)).Where(m => m!["kind"]?.GetValue<string>() == "event").Select(m => m!["text"]!.GetValue<string>()).ToList();

    public void Dispose() => _subscription?.Dispose();
}
