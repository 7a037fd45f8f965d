using System.Text.Json;
using System.Threading.Channels;
using Okno.Channels.WebChat;

namespace Okno.Web.Widget;

/// <summary>
/// GET /api/widget/{channelId}/events?token=…: server-sent events with operators' replies for this visitor.
/// EventSource reconnects by itself; a comment every 20 s keeps proxies from closing the stream. The token is in
/// the query because EventSource cannot send headers.
/// </summary>
public static class WidgetEvents
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task StreamAsync(HttpContext ctx, string? token, WidgetTokens tokens, WebChatSignals signals, IHostApplicationLifetime lifetime, WidgetGuard guard)
    {
        if (WidgetEndpoints.Visitor(ctx, tokens, token) is not { } visitor)
        {
            await Results.Problem("Сессия чата не найдена или устарела.", statusCode: 401).ExecuteAsync(ctx);
            return;
        }
        // Each stream holds a connection: a few per visitor (tabs), a cap per IP.
        using var slot = guard.OpenStream(ctx, visitor.VisitorId);
        if (slot is null)
        {
            await Results.Problem("Слишком много открытых окон чата.", statusCode: 429, title: "Too many streams").ExecuteAsync(ctx);
            return;
        }

        var queue = Channel.CreateBounded<WebChatPush>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        using var subscription = signals.Listen(WidgetChannel.Of(ctx).Id, visitor.VisitorId, p => queue.Writer.TryWrite(p));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, lifetime.ApplicationStopping);

        ctx.Response.ContentType = "text/event-stream";
        ctx.Response.Headers.CacheControl = "no-cache";
        ctx.Response.Headers["X-Accel-Buffering"] = "no";
        await ctx.Response.WriteAsync("retry: 3000\n: connected\n\n", stop.Token);
        await ctx.Response.Body.FlushAsync(stop.Token);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                wait.CancelAfter(KeepAlive);
                try
                {
                    await queue.Reader.WaitToReadAsync(wait.Token);
                    while (queue.Reader.TryRead(out var push))
                        await ctx.Response.WriteAsync($"event: message\ndata: {JsonSerializer.Serialize(push, Json)}\n\n", stop.Token);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    await ctx.Response.WriteAsync(": ping\n\n", stop.Token);
                }
                await ctx.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The visitor left or the server stops: the widget reconnects and re-reads the history.
        }
    }
}
