using Okno.Web.Ui.Components;

namespace Okno.Web.Ui;

/// <summary>The operator web app: Blazor with interactive server rendering, in-process with the API.</summary>
public static class UiSetup
{
    public static void AddOknoUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingAuthState>();
        builder.Services.AddScoped<UiSession>();
        builder.Services.AddScoped<UiData>();
        builder.Services.AddScoped<InboxFeed>();
        builder.Services.AddScoped<InboxQueries>();
        builder.Services.AddScoped<ConversationQueries>();
    }

    public static void MapOknoUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapUiAccount();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
