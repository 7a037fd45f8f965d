using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels;

/// <summary>
/// What every channel's test kit shares: the channel created through the API, and its conversations and messages
/// looked up through the public API (one copy, not one per kit). Each platform's <c>&lt;Kind&gt;TestKit</c> adds how
/// its stand-in delivers webhooks and what it recorded.
/// </summary>
public abstract class ChannelTestKit(OknoApp app, JsonObject channel)
{
    protected OknoApp App => app;

    public string ChannelId => channel["id"]!.GetValue<string>();

    /// <summary>The conversation whose last message contains <paramref name="textContains"/>.</summary>
    public Task<JsonObject?> FindConversationAsync(string textContains) => ConversationLookup.FindAsync(app, textContains);

    public Task<JsonArray> MessagesAsync(long conversationId) => ConversationLookup.MessagesAsync(app, conversationId);
}
