namespace Okno.Web.Realtime;

public static class RealtimeSetup
{
    /// <summary>SignalR; with Okno:Redis set (e.g. "127.0.0.1:6379"), the Redis backplane carries events across nodes.</summary>
    public static void AddRealtime(this WebApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR();
        if (builder.Configuration["Okno:Redis"] is { Length: > 0 } redis)
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("okno"));
        builder.Services.AddHostedService<HubPublisher>();
    }

    public static void MapRealtime(this WebApplication app) => app.MapHub<InboxHub>("/hubs/inbox");
}
