using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.OutgoingWebhooks;

/// <summary>/api/v1/webhook-endpoints: administrators only.</summary>
public static class OutgoingWebhooksEndpoints
{
    public static void MapOutgoingWebhooks(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/webhook-endpoints").WithTags("Webhook endpoints").RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapGet("/", async (WebhookAdmin admin, HttpContext ctx) => TypedResults.Ok(new ItemsOf<WebhookEndpointDto>(await admin.ListAsync(ctx.RequestAborted))));
        group.MapPost("/", async Task<Results<Created<CreatedWebhookEndpointDto>, ValidationProblem>> (JsonObject? body, WebhookAdmin admin, HttpContext ctx) =>
            await admin.CreateAsync(body, ctx.RequestAborted) switch
            {
                { Value: { } created } => TypedResults.Created($"/api/v1/webhook-endpoints/{created.Id}", created),
                var o => TypedResults.ValidationProblem(o.Errors),
            });
        group.MapGet("/{id:long}", async Task<Results<Ok<WebhookEndpointDto>, NotFound>> (long id, WebhookAdmin admin, HttpContext ctx) =>
            await admin.FindAsync(id, ctx.RequestAborted) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound());
        group.MapPatch("/{id:long}", async Task<Results<Ok<WebhookEndpointDto>, NotFound, ValidationProblem>> (long id, JsonObject? body, WebhookAdmin admin, HttpContext ctx) =>
            await admin.UpdateAsync(id, body, ctx.RequestAborted) switch
            {
                { NotFound: true } => TypedResults.NotFound(),
                { Value: { } e } => TypedResults.Ok(e),
                var o => TypedResults.ValidationProblem(o.Errors),
            });
        group.MapDelete("/{id:long}", async Task<Results<NoContent, NotFound>> (long id, WebhookAdmin admin, HttpContext ctx) =>
            await admin.DeleteAsync(id, ctx.RequestAborted) ? TypedResults.NoContent() : TypedResults.NotFound());
        group.MapGet("/{id:long}/deliveries", async Task<Results<Ok<ItemsOf<WebhookDeliveryDto>>, NotFound>> (long id, int? limit, WebhookAdmin admin, HttpContext ctx) =>
            await admin.DeliveriesAsync(id, limit ?? 100, ctx.RequestAborted) is { } rows ? TypedResults.Ok(new ItemsOf<WebhookDeliveryDto>(rows)) : TypedResults.NotFound());
        group.MapPost("/{id:long}/deliveries/{deliveryId:long}/replay", async Task<Results<Accepted<WebhookDeliveryDto>, NotFound, ProblemHttpResult>> (long id, long deliveryId,
            WebhookAdmin admin, HttpContext ctx) => await admin.ReplayAsync(id, deliveryId, ctx.RequestAborted) switch
            {
                { NotFound: true } => TypedResults.NotFound(),
                { Value: { } d } => TypedResults.Accepted($"/api/v1/webhook-endpoints/{id}/deliveries", d),
                var o => TypedResults.Problem(o.Errors.Values.First()[0], statusCode: 409, title: "Получатель отключён"),
            });
    }
}
