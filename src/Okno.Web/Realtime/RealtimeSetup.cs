namespace Okno.Web.Realtime;

public static class RealtimeSetup
{
    /// <summary>SignalR; with Okno:Redis set, the Redis backplane carries events across nodes.</summary>
    public static void AddRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        builder.Services.AddHostedService<HubPublisher>();
    }

    public static void MapRealtime(this WebApplication app) => app.MapHub<InboxHub>("/hubs/inbox");
}
