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

    private static async Task<Ok<List<ChannelDto>>> ListAsync(ChannelQueries queries, OknoOptions options, HttpContext ctx) =>
        TypedResults.Ok(await queries.ListAsync(PublicUrl(ctx, options), ctx.RequestAborted));

    private static async Task<Results<Ok<ChannelDto>, NotFound>> GetAsync(Guid id, ChannelQueries queries, OknoOptions options, HttpContext ctx) =>
        await queries.GetAsync(id, PublicUrl(ctx, options), ctx.RequestAborted) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

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
