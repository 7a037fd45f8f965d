using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Privacy;

/// <summary>What the privacy tests share: a client's conversation arriving over Telegram, the audit as the API lists it.</summary>
public static class PrivacyKit
{
    private static long _client = 7_100_000 + Random.Shared.Next(0, 100_000) * 10;

    /// <summary>A new client writes once; returns the conversation's id and contact id.</summary>
    public static async Task<(long Id, long ContactId)> ConversationAsync(OknoApp app, string name = "Мария")
    {
        var kit = await TelegramTestKit.CreateAsync(app);
        var tag = "приватность " + Guid.NewGuid().ToString("N")[..8];
        await kit.PostAsync(app.Sim.Telegram.TextUpdate(Interlocked.Increment(ref _client), tag, name));
        var c = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(tag), what: "the client's conversation");
        return (c["id"]!.GetValue<long>(), c["contactId"]!.GetValue<long>());
    }

    public static async Task<JsonArray> AuditAsync(OknoApp app, string query)
    {
        using var admin = app.Api();
        var page = await admin.GetFromJsonAsync<JsonObject>("/api/v1/audit?" + query);
        return page!["items"]!.AsArray();
    }

    public static async Task<JsonObject> VerifyAsync(OknoApp app)
    {
        using var admin = app.Api();
        return (await admin.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify"))!;
    }
}
