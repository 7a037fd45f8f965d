using Okno.Core.Desk;

namespace Okno.Web.Desk;

/// <summary>The distribution desk (issue 12): teams, presence, the queue, assignment, business hours, SLA.</summary>
public static class DeskSetup
{
    public static void AddDesk(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Okno:Desk");
        static TimeSpan Read(string? value, TimeSpan fallback) => IsoDuration.TryParse(value, out var d) ? d : fallback;
        var defaults = new DeskOptions();
        builder.Services.AddSingleton(new DeskOptions
        {
            AwayAfter = Read(section["AwayAfter"], defaults.AwayAfter),
            OfflineGrace = Read(section["OfflineGrace"], defaults.OfflineGrace),
        });
        builder.Services.AddScoped<SaveTeam>();
        builder.Services.AddScoped<SaveBusinessHours>();
        builder.Services.AddScoped<SaveSlaPolicy>();
        builder.Services.AddScoped<DeskLookups>();
        builder.Services.AddScoped<SaveQueueNotice>();
        builder.Services.AddScoped<DeskBoardQueries>();
        builder.Services.AddScoped<PresenceCircuit>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<PresenceCircuit>());
    }

    public static void MapDesk(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapTeams();
        api.MapPresence();
        api.MapBusinessHours();
        api.MapSlaPolicies();
        api.MapQueueMessages();
    }
}
