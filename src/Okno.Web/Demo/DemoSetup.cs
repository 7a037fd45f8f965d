using Okno.Web.Auth;
using Okno.Web.Channels;

namespace Okno.Web.Demo;

/// <summary>Demo mode (Okno:Demo=true, or ./run.sh --demo): stand-ins, demo channels and simulated clients.</summary>
public static class DemoSetup
{
    public static void AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoRuntime>();
        builder.Services.AddScoped<DemoCleanup>();
        builder.Services.AddScoped<DemoChannels>();
        builder.Services.AddSingleton<DemoClients>();
        if (builder.Configuration.GetValue<bool>("Okno:Demo")) builder.Services.AddHostedService<DemoRunner>();
    }

    /// <summary>DELETE /api/v1/demo (admins): removes all demo data in one action and stops the simulated clients.</summary>
    public static void MapDemo(this WebApplication app)
    {
        app.MapDelete("/api/v1/demo", async (DemoRuntime runtime, DemoCleanup cleanup, ChannelPollingService polling, CancellationToken ct) =>
        {
            runtime.Stop();
            var removed = await cleanup.DeleteAllAsync(ct);
            polling.Refresh();
            return TypedResults.Ok(removed);
        }).RequireAuthorization(AuthSetup.AdminPolicy).WithTags("Demo");
    }
}
