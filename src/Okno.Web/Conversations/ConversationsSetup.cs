namespace Okno.Web.Conversations;

public static class ConversationsSetup
{
    public static void AddConversations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConversationActions>();
        // The firm's wall clock for «завтра 09:00» and the timeline's times (Okno:BusinessTimeZone, IANA id).
        var zone = builder.Configuration["Okno:BusinessTimeZone"] is { Length: > 0 } id ? id : Okno.Core.Conversations.BusinessTime.DefaultZone;
        builder.Services.AddSingleton(new Okno.Core.Conversations.BusinessTime(TimeZoneInfo.FindSystemTimeZoneById(zone)));
        builder.Services.AddSingleton<ConversationViewers>();
        builder.Services.AddScoped<ViewerCircuit>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<ViewerCircuit>());
    }
}
