using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Realtime;

public sealed class InboxHubTests(SqliteOknoApp app) : OknoTest<SqliteOknoApp>(app)
{
    [SkippableFact]
    public async Task Hub_InboundWebhook_PushesMessageCreatedAndConversationUpdated()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Server.BaseAddress, "/hubs/inbox"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(OknoApp.ApiToken);
            })
            .Build();
        var created = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var updated = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<HubMessage>("messageCreated", m => created.TrySetResult(m.ConversationId));
        hub.On<HubMessage>("conversationUpdated", m => updated.TrySetResult(m.ConversationId));
        await hub.StartAsync();

        var text = "Живое событие " + Guid.NewGuid();
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(8001, text));

        var conversationId = await created.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(conversationId, await updated.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var conversation = await kit.FindConversationAsync(text);
        Assert.Equal(conversation!["id"]!.GetValue<long>(), conversationId);
    }

    [SkippableFact]
    public async Task Hub_WithoutCredentials_Refused()
    {
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Server.BaseAddress, "/hubs/inbox"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
            })
            .Build();
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.StatusCode);
    }

    public sealed record HubMessage(long ConversationId);
}
