using System.Net;
using System.Text;
using Okno.Core.Channels;
using Okno.Web.Auth;
using Okno.Web.Hosting;

namespace Okno.Web.Channels;

/// <summary>Small documents built from the descriptors: the badge colours and a page to try an embeddable channel.</summary>
public static class ChannelPagesEndpoints
{
    public static void MapChannelPages(this WebApplication app)
    {
        app.MapGet("/ui/channel-kinds.css", (ChannelConnectors connectors) =>
        {
            var css = new StringBuilder();
            foreach (var d in connectors.All.Select(c => c.Descriptor))
                css.Append(".ch-").Append(d.WireName).Append(" { background: ").Append(d.BadgeColor).Append("; color: #fff; }\n");
            return Results.Text(css.ToString(), "text/css; charset=utf-8");
        }).ExcludeFromDescription();

        app.MapGet("/admin/channels/{id:guid}/preview", async (Guid id, ChannelDirectory directory, OknoOptions options, HttpContext ctx) =>
        {
            if (await directory.FindAsync(id, ctx.RequestAborted) is not { } entry ||
                entry.Ref.Kind.Describe().Embed(ChannelsEndpoints.PublicUrl(ctx, options), id) is not { } snippet)
                return Results.NotFound();
            var title = WebUtility.HtmlEncode(entry.Context.Name);
            var html = $"""
                <!DOCTYPE html>
                <html lang="ru"><head><meta charset="utf-8"><title>Предпросмотр: {title}</title></head>
                <body style="font-family: system-ui, sans-serif; margin: 2rem">
                <h1>Предпросмотр виджета «{title}»</h1>
                <p>Так чат выглядит на сайте. Сообщения отсюда приходят во входящие как обычные.</p>
                {snippet}
                </body></html>
                """;
            return Results.Content(html, "text/html; charset=utf-8");
        }).RequireAuthorization(AuthSetup.AdminPolicy).ExcludeFromDescription();
    }
}
