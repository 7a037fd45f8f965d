using System.Threading.Channels;
using Okno.Core.Channels;
using Okno.Core.Messages;
using Okno.Core.Telemetry;
using Okno.Web.Hosting;

namespace Okno.Web.Webhooks;

/// <summary>The one inbound door: POST (and GET for handshakes) /webhooks/{channelId}.</summary>
public static class WebhookEndpoints
{
    /// <summary>Seconds a platform is asked to wait when the writer is behind (Retry-After).</summary>
    public const int RetryAfterSeconds = 5;

    public static void MapWebhooks(this WebApplication app)
    {
        // Backpressure: past this many webhooks waiting for the writer, new ones are refused with 503 + Retry-After
        // (nothing accepted, so nothing lost: the platform delivers again) instead of piling up in memory.
        var maxQueue = Math.Clamp(app.Configuration.GetValue("Okno:Ingest:MaxQueue", 2000), 1, 20_000);
        var group = app.MapGroup("/webhooks").WithTags("Webhooks").AllowAnonymous();
        group.MapMethods("/{channelId}", ["GET", "POST"], (HttpContext ctx, string channelId, [AsParameters] WebhookDeps deps) => HandleAsync(ctx, channelId, null, deps, maxQueue));
        group.MapMethods("/{channelId}/{pathToken}", ["GET", "POST"], (HttpContext ctx, string channelId, string pathToken, [AsParameters] WebhookDeps deps) => HandleAsync(ctx, channelId, pathToken, deps, maxQueue));
    }

    public sealed record WebhookDeps(ChannelDirectory Channels, ChannelConnectors Connectors, IngestWriter Writer, ILogger<WebhookDeps> Log);

    private static async Task<IResult> HandleAsync(HttpContext ctx, string channelId, string? pathToken, WebhookDeps deps, int maxQueue)
    {
        if (!Guid.TryParse(channelId, out var id) || await deps.Channels.FindAsync(id, ctx.RequestAborted) is not { } channel)
        {
            OknoMetrics.Webhook("unknown", accepted: false);
            return Results.Problem("Канал не найден.", statusCode: 404, title: "Unknown channel");
        }

        var kind = channel.Ref.Kind.ToString();
        var body = await ReadBodyAsync(ctx.Request, OknoHosting.WebhookBodyLimit, ctx.RequestAborted);
        if (body is null) OknoMetrics.Webhook(kind, accepted: false);
        if (body is null) return Results.Problem("Тело запроса больше 1 МБ.", statusCode: 413, title: "Payload too large");

        var request = new WebhookRequest(ctx.Request.Method,
            ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            ctx.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            body, pathToken);
        var outcome = await deps.Connectors.For(channel.Ref.Kind).ReadWebhookAsync(channel.Context, request, ctx.RequestAborted);
        switch (outcome)
        {
            case WebhookOutcome.Rejected r:
                deps.Log.LogWarning("Webhook for channel {ChannelId} rejected: {Status}", id, r.StatusCode);
                OknoMetrics.Webhook(kind, accepted: false);
                return Results.Problem(r.Reason, statusCode: r.StatusCode, title: "Webhook rejected");
            case WebhookOutcome.Immediate i:
                return Results.Text(i.Body, i.ContentType, statusCode: i.StatusCode);
            case WebhookOutcome.Accepted when deps.Writer.QueueDepth >= maxQueue:
                OknoMetrics.Webhook(kind, accepted: false);
                ctx.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Problem("Okno принимает слишком много сообщений сразу: повторите через несколько секунд.", statusCode: 503, title: "Busy");
            case WebhookOutcome.Accepted a:
                try
                {
                    await deps.Writer.AcceptAsync(channel.Ref, a.Events, ctx.RequestAborted);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ctx.RequestAborted.IsCancellationRequested)
                {
                    // Not committed: answer non-2xx so the platform redelivers.
                    deps.Log.LogError("Webhook for channel {ChannelId} not stored: {Error}", id, ex.GetType().Name);
                    OknoMetrics.Webhook(kind, accepted: false);
                    return Results.Problem("Не удалось сохранить: повторите позже.", statusCode: ex is ChannelClosedException ? 503 : 500);
                }
                OknoMetrics.Webhook(kind, accepted: true);
                return Results.Text(a.ResponseBody, a.ContentType);
            default:
                return Results.StatusCode(500);
        }
    }

    /// <returns>The body, or null when it exceeds <paramref name="limit"/>.</returns>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
