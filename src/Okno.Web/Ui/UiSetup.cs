using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Web.Ui.Components;
using Okno.Web.Ui.Components.Pages;

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
        app.MapGet("/forbidden", (HttpContext ctx) => Page(ctx, StatusCodes.Status403Forbidden)).ExcludeFromDescription();
        // Unknown addresses: a page for people, ProblemDetails for programs.
        app.MapFallback(async (HttpContext ctx, IProblemDetailsService problems) =>
        {
            var path = ctx.Request.Path;
            if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/webhooks"))
            {
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = { Status = 404, Title = "Не найдено", Detail = "Такого адреса в API нет." } });
                return;
            }
            await Page(ctx, StatusCodes.Status404NotFound).ExecuteAsync(ctx);
        }).ExcludeFromDescription()
            // GET only: another method on a known route (e.g. a POST without its JSON) must keep its own 405/415.
            .WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]));
    }

    private static RazorComponentResult<ErrorPage> Page(HttpContext ctx, int status) =>
        new(new { Code = status, Lang = ctx.Request.Cookies["okno.lang"] == "en" ? "en" : "ru" }) { StatusCode = status };
}
