using Microsoft.AspNetCore.Http.Features;

namespace Okno.Web.Hosting;

/// <summary>
/// Endpoint metadata: the largest request body the endpoint reads. Anonymous endpoints (sign-in, the widget)
/// take ~64 KB instead of the server-wide 32 MB, so nobody can make Okno parse megabytes without an account.
/// </summary>
public sealed record BodyLimit(long Bytes)
{
    public const long Anonymous = 64 * 1024;

    /// <summary>Answers 413 (ProblemDetails) for a declared length over the limit and caps streamed bodies at it.</summary>
    public static void UseBodyLimits(WebApplication app) => app.Use(async (ctx, next) =>
    {
        if (ctx.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>() is not { } limit) { await next(ctx); return; }
        if (ctx.Request.ContentLength > limit.Bytes)
        {
            await TypedResults.Problem($"Тело запроса больше {limit.Bytes / 1024} КБ.", statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Payload too large").ExecuteAsync(ctx);
            return;
        }
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit.Bytes;
        await next(ctx);
    });
}
