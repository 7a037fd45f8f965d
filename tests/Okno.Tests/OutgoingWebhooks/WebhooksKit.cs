using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.OutgoingWebhooks;

/// <summary>What the webhook tests do through the public API: endpoints, a client writing on Telegram.</summary>
public sealed class WebhooksKit(OknoApp app, TelegramTestKit telegram)
{
    private static long _nextClient = 70_000 + Random.Shared.Next(0, 1_000_000) * 10L;

    public TelegramTestKit Telegram => telegram;

    public static async Task<WebhooksKit> CreateAsync(OknoApp app) => new(app, await TelegramTestKit.CreateAsync(app));

    public async Task<(long Id, string Secret)> EndpointAsync(string url, string[] events, bool includePhones = false, string? secret = null)
    {
        using var admin = app.Api();
        var body = new JsonObject { ["url"] = url, ["events"] = new JsonArray(events.Select(e => (JsonNode)e).ToArray()), ["includePhones"] = includePhones };
        if (secret is not null) body["secret"] = secret;
        var response = await admin.PostAsJsonAsync("/api/v1/webhook-endpoints", body);
        Assert.True((int)response.StatusCode == 201, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (created["id"]!.GetValue<long>(), created["secret"]!.GetValue<string>());
    }

    /// <summary>A new client writes; returns the conversation id.</summary>
    public async Task<long> ClientWritesAsync(string text, string name)
    {
        var client = Interlocked.Increment(ref _nextClient);
        (await telegram.PostAsync(app.Sim.Telegram.TextUpdate(client, text, name))).EnsureSuccessStatusCode();
        return (await OknoApp.EventuallyAsync(() => telegram.FindConversationAsync(text)))["id"]!.GetValue<long>();
    }

    public async Task<JsonArray> DeliveriesAsync(long endpointId) =>
        (await app.GetJsonAsync($"/api/v1/webhook-endpoints/{endpointId}/deliveries"))["items"]!.AsArray();

    /// <summary>
    /// Waits until Okno has recorded <paramref name="attempts"/> attempts of the delivery carrying <paramref name="marker"/>.
    /// The receiver sees a request before Okno has its answer and schedules the retry: a test that moves the fake clock
    /// earlier moves it under a retry not yet scheduled, which then lies in the future for good.
    /// </summary>
    public Task AttemptsRecordedAsync(long endpointId, string marker, int attempts) =>
        OknoApp.EventuallyAsync(async () => (await DeliveriesAsync(endpointId))
            .FirstOrDefault(d => d!["request"]!["body"]!.GetValue<string>().Contains(marker, StringComparison.Ordinal))?["attemptLog"]?.AsArray().Count >= attempts
                ? true : (bool?)null, what: $"{attempts} attempt(s) recorded");

    public static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..10];
}
