using Okno.Core.Events;
using Okno.Core.Leases;

namespace Okno.Web.Realtime;

public static class RealtimeSetup
{
    /// <summary>
    /// SignalR and the live-event stream's delivery. With Okno:Redis set (e.g. "127.0.0.1:6379"), the Redis relay
    /// carries every event to every node, where the hub and the operator app's circuits receive it the same way — so
    /// the hub needs no SignalR backplane of its own (it would deliver each event twice), docs/decisions/0017.
    /// </summary>
    public static void AddRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        if (builder.Configuration["Okno:Redis"] is { Length: > 0 } redis)
        {
            builder.Services.AddSingleton(sp => new RedisEventRelay(sp.GetRequiredService<EventBus>(), sp.GetRequiredService<NodeIdentity>(), redis,
                sp.GetRequiredService<ILogger<RedisEventRelay>>()));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisEventRelay>());
        }
        builder.Services.AddSingleton<LiveWalls>();
        builder.Services.AddHostedService<HubPublisher>();
    }

    public static void MapRealtime(this WebApplication app) => app.MapHub<InboxHub>("/hubs/inbox");
}
