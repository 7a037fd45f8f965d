using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.WhatsApp;

/// <summary>What an operator sees, read through the public API: conversations, messages, channels, routes, replies.</summary>
public static class Inbox
{
    private static long _phone = Random.Shared.NextInt64(1_000_000, 8_999_999);

    /// <summary>A fresh Moscow mobile number in WhatsApp's form (digits, country code first).</summary>
    public static string NewPhone() => "7916" + Interlocked.Increment(ref _phone).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<JsonObject?> FindConversationAsync(OknoApp app, string textContains)
    {
        var page = await app.GetJsonAsync("/api/v1/conversations?limit=200");
        foreach (var item in page["items"]!.AsArray())
            if (item!["lastMessagePreview"]?.GetValue<string>()?.Contains(textContains, StringComparison.Ordinal) == true)
                return item.AsObject();
        return null;
    }

    public static async Task<JsonObject> ConversationAsync(OknoApp app, string textContains) =>
        await OknoApp.EventuallyAsync(() => FindConversationAsync(app, textContains), what: "the conversation with " + textContains);

    public static async Task<List<JsonObject>> ConversationsOfContactAsync(OknoApp app, long contactId) =>
        (await app.GetJsonAsync($"/api/v1/conversations?contactId={contactId}&limit=200"))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();

    public static async Task<List<JsonObject>> MessagesAsync(OknoApp app, long conversationId) =>
        (await app.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages"))["items"]!.AsArray().Select(m => m!.AsObject()).ToList();

    public static async Task<HttpResponseMessage> ReplyAsync(OknoApp app, long conversationId, JsonObject body)
    {
        using var client = app.Api();
        return await client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", body);
    }

    /// <summary>Posts a text reply and waits until the outbox has handed it to the platform (status sent or further).</summary>
    public static async Task<JsonObject> ReplyAndWaitSentAsync(OknoApp app, long conversationId, string text)
    {
        using var response = await ReplyAsync(app, conversationId, new JsonObject { ["text"] = text });
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 202) throw new InvalidOperationException($"Reply not accepted: {(int)response.StatusCode} {body}");
        var id = JsonNode.Parse(body)!["id"]!.GetValue<long>();
        return await MessageWhenAsync(app, conversationId, id, m => m["status"]!.GetValue<string>() is not ("pending"), "the reply to leave");
    }

    public static async Task<JsonObject> MessageWhenAsync(OknoApp app, long conversationId, long messageId, Func<JsonObject, bool> condition, string what, TimeSpan? timeout = null) =>
        await OknoApp.EventuallyAsync(async () =>
        {
            var m = (await MessagesAsync(app, conversationId)).FirstOrDefault(x => x["id"]!.GetValue<long>() == messageId);
            return m is not null && condition(m) ? m : null;
        }, timeout, what);

    public static async Task<JsonObject> ChannelAsync(OknoApp app, string channelId) => await app.GetJsonAsync($"/api/v1/channels/{channelId}");

    public static async Task<List<JsonObject>> RoutesAsync(OknoApp app, long conversationId) =>
        (await app.GetJsonAsync($"/api/v1/conversations/{conversationId}/routes"))["items"]!.AsArray().Select(r => r!.AsObject()).ToList();

    public static async Task<HttpResponseMessage> SendAsync(OknoApp app, HttpRequestMessage request)
    {
        using var client = app.CreateClient();
        using (request) return await client.SendAsync(request);
    }
}
