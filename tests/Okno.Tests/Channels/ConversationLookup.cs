using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels;

/// <summary>Conversations and messages through the public API, shared by the channel tests.</summary>
public static class ConversationLookup
{
    public static async Task<JsonObject?> FindAsync(OknoApp app, string textContains)
    {
        var page = await app.GetJsonAsync("/api/v1/conversations?limit=200");
        foreach (var item in page["items"]!.AsArray())
            if (item!["lastMessagePreview"]?.GetValue<string>()?.Contains(textContains, StringComparison.Ordinal) == true)
                return item.AsObject();
        return null;
    }

    public static async Task<JsonArray> MessagesAsync(OknoApp app, long conversationId) =>
        (await app.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages"))["items"]!.AsArray();

    public static async Task<JsonArray> RoutesAsync(OknoApp app, long conversationId) =>
        (await app.GetJsonAsync($"/api/v1/conversations/{conversationId}/routes"))["items"]!.AsArray();

    /// <summary>An operator's reply through the API; returns the new message's id.</summary>
    public static async Task<long> ReplyAsync(OknoApp app, long conversationId, string text)
    {
        using var client = app.Api();
        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new JsonObject { ["text"] = text });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
    }

    /// <summary>Waits until the message leaves the pending state and returns it.</summary>
    public static Task<JsonObject> SettledAsync(OknoApp app, long conversationId, long messageId, TimeSpan? timeout = null) =>
        OknoApp.EventuallyAsync(async () =>
        {
            var message = (await MessagesAsync(app, conversationId)).FirstOrDefault(m => m!["id"]!.GetValue<long>() == messageId)?.AsObject();
            return message?["status"]?.GetValue<string>() is { } s && s != "pending" ? message : null;
        }, timeout ?? TimeSpan.FromSeconds(20), "the message to be sent or to fail");
}
