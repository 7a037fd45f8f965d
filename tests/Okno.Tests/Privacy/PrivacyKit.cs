using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Privacy;

/// <summary>What the privacy tests share: a client's conversation arriving over Telegram, the audit as the API lists it.</summary>
public static class PrivacyKit
{
    private static long _client = 7_100_000 + Random.Shared.Next(0, 100_000) * 10;

    /// <summary>A new client writes once; returns the conversation's id and contact id.</summary>
    public static async Task<(long Id, long ContactId)> ConversationAsync(OknoApp app, string name = "Мария", string? text = null)
    {
        var kit = await TelegramTestKit.CreateAsync(app);
        var tag = "приватность " + Guid.NewGuid().ToString("N")[..8];
        await kit.PostAsync(app.Sim.Telegram.TextUpdate(Interlocked.Increment(ref _client), text is null ? tag : tag + " " + text, name));
        var c = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(tag), what: "the client's conversation");
        return (c["id"]!.GetValue<long>(), c["contactId"]!.GetValue<long>());
    }

    /// <summary>A signed-in staff member's hub connection, collecting the conversation ids of messageCreated and conversationUpdated.</summary>
    public static async Task<(HubConnection Hub, List<long> Received)> HubAsync(OknoApp app, string email)
    {
        using var login = app.CreateClient(new() { HandleCookies = false });
        var response = await login.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Security.SecurityKit.Password });
        response.EnsureSuccessStatusCode();
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var received = new List<long>();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/inbox"), o =>
            {
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        foreach (var name in new[] { "messageCreated", "conversationUpdated" })
            hub.On<System.Text.Json.JsonElement>(name, e => { lock (received) received.Add(e.GetProperty("conversationId").GetInt64()); });
        await hub.StartAsync();
        return (hub, received);
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
