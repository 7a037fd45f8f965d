using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Core.Channels;
using Okno.Web.Auth;
using Okno.Web.Conversations;
using Okno.Web.Hosting;

namespace Okno.Web.Channels;

public static class ChannelsEndpoints
{
    public static void MapChannels(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/channels").WithTags("Channels").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapPatch("/{id:guid}", UpdateAsync).RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(AuthSetup.AdminPolicy);
        app.MapGet("/api/v1/channel-kinds", (ChannelConnectors connectors) =>
                TypedResults.Ok(new ItemsOf<ChannelKindDto>(connectors.All.OrderBy(c => c.Kind).Select(c => ChannelKindDto.From(c.Descriptor)).ToList())))
            .WithTags("Channels").RequireAuthorization();
    }

    public static string PublicUrl(HttpContext ctx, OknoOptions options) =>
        options.PublicUrl ?? $"{ctx.Request.Scheme}://{ctx.Request.Host}";

    /// <summary>Settings (API addresses, ids, secret tails) are for administrators; other staff get a slim list.</summary>
    private static bool SeesSettings(HttpContext ctx) => ctx.User.IsInRole(nameof(Core.Operators.UserRole.Admin));

    private static async Task<Results<Ok<List<ChannelDto>>, Ok<List<ChannelSummaryDto>>>> ListAsync(ChannelQueries queries, OknoOptions options, HttpContext ctx)
    {
        if (!SeesSettings(ctx)) return TypedResults.Ok(await queries.SummariesAsync(ctx.RequestAborted));
        return TypedResults.Ok(await queries.ListAsync(PublicUrl(ctx, options), ctx.RequestAborted));
    }

    private static async Task<Results<Ok<ChannelDto>, Ok<ChannelSummaryDto>, NotFound>> GetAsync(Guid id, ChannelQueries queries, OknoOptions options, HttpContext ctx)
    {
        if (await queries.GetAsync(id, PublicUrl(ctx, options), ctx.RequestAborted) is not { } dto) return TypedResults.NotFound();
        return SeesSettings(ctx) ? TypedResults.Ok(dto) : TypedResults.Ok(await queries.SummaryAsync(id, ctx.RequestAborted));
    }

    private static async Task<Results<Created<ChannelDto>, ValidationProblem>> CreateAsync(ChannelRequest request, CreateChannel create,
        ChannelQueries queries, OknoOptions options, HttpContext ctx)
    {
        var publicUrl = PublicUrl(ctx, options);
        var result = await create.ExecuteAsync(request, publicUrl, ctx.RequestAborted);
        if (result.Account is not { } account) return TypedResults.ValidationProblem(result.Errors);
        return TypedResults.Created($"/api/v1/channels/{account.Id}", queries.Dto(account, publicUrl));
    }

    private static async Task<Results<Ok<ChannelDto>, NotFound, ValidationProblem>> UpdateAsync(Guid id, ChannelRequest request, UpdateChannel update,
        ChannelQueries queries, OknoOptions options, HttpContext ctx)
    {
        var publicUrl = PublicUrl(ctx, options);
        var result = await update.ExecuteAsync(id, request, publicUrl, ctx.RequestAborted);
        if (result.IsNotFound) return TypedResults.NotFound();
        if (result.Account is not { } account) return TypedResults.ValidationProblem(result.Errors);
        return TypedResults.Ok(queries.Dto(account, publicUrl));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, DeleteChannel delete, HttpContext ctx) =>
        await delete.ExecuteAsync(id, ctx.RequestAborted) ? TypedResults.NoContent() : TypedResults.NotFound();
}
