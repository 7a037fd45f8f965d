using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Desk;

public sealed record QueueMessageDto(Guid ChannelId, string ChannelName, bool Enabled, string Text);

/// <summary>
/// The optional client message with the place in the queue, per channel account (off by default):
/// GET /api/v1/queue-messages, PUT /api/v1/channels/{id}/queue-message { "enabled", "text" } ({position}, {wait}).
/// </summary>
public static class QueueMessagesEndpoints
{
    public static void MapQueueMessages(this RouteGroupBuilder api)
    {
        api.MapGet("/queue-messages", async (SaveQueueNotice notices, CancellationToken ct) => TypedResults.Ok(new ItemsOf<QueueMessageDto>(await notices.ListAsync(ct))))
            .WithTags("Queue").RequireAuthorization(AuthSetup.ManagerPolicy);
        api.MapPut("/channels/{id:guid}/queue-message", async (Guid id, JsonObject? body, SaveQueueNotice notices, CancellationToken ct) =>
            (await notices.ExecuteAsync(id, body, ct)).Updated()).WithTags("Queue").RequireAuthorization(AuthSetup.ManagerPolicy);
    }
}
