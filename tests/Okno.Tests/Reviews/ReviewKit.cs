using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Reviews;

/// <summary>Requests arriving over Telegram and assigned, as the review tests need them.</summary>
public static class ReviewKit
{
    private static long _client = 8_300_000 + Random.Shared.Next(0, 100_000) * 10;

    public static async Task<long> ConversationAsync(OknoApp app, long? assigneeId = null, TelegramTestKit? kit = null, long? clientId = null)
    {
        kit ??= await TelegramTestKit.CreateAsync(app);
        var tag = "проверка " + Guid.NewGuid().ToString("N")[..8];
        await kit.PostAsync(app.Sim.Telegram.TextUpdate(clientId ?? Interlocked.Increment(ref _client), tag, "Мария"));
        var id = (await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(tag), what: "the client's conversation"))["id"]!.GetValue<long>();
        if (assigneeId is { } a)
        {
            using var admin = app.Api();
            (await admin.PostAsJsonAsync($"/api/v1/conversations/{id}/assign", new { userId = a })).EnsureSuccessStatusCode();
        }
        return id;
    }

    public static long NextClient() => Interlocked.Increment(ref _client);

    public static async Task<JsonObject> ConversationJsonAsync(OknoApp app, long id) => await app.GetJsonAsync($"/api/v1/conversations/{id}");
}
