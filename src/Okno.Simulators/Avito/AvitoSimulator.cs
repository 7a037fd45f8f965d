using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Okno.Simulators.Avito;

/// <summary>
/// A stand-in for the Avito Messenger API, written from the developers.avito.ru reference (CHANNELS.md §7):
/// POST /token (form, grant_type=client_credentials) → {"access_token","expires_in","token_type":"Bearer"};
/// POST /messenger/v3/webhook {url} → {"ok":true}; GET /messenger/v3/accounts/{user_id}/chats/{chat_id}/messages/;
/// POST /messenger/v1/accounts/{user_id}/chats/{chat_id}/messages {"message":{"text"},"type":"text"};
/// POST …/uploadImages (multipart uploadfile[]) → {"&lt;image_id&gt;":{"1280x960":url}}; POST …/messages/image {image_id};
/// POST …/chats/{chat_id}/read → {"ok":true}. A missing, expired or revoked token gets 401. Webhooks are unsigned.
/// </summary>
public sealed partial class AvitoSimulator(HttpClient http) : ISimulator
{
    private long _messageSeq = 10_000;
    private long _tokenSeq;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentDictionary<string, string> _clients = new();
    private readonly ConcurrentDictionary<string, int> _expiresIn = new();
    private readonly ConcurrentDictionary<string, (string ClientId, DateTimeOffset ExpiresAt)> _tokens = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> _chats = new();
    private readonly ConcurrentDictionary<string, (long UserId, long? ItemId)> _chatInfo = new();
    private readonly ConcurrentDictionary<string, byte> _wrappedLists = new();
    private readonly ConcurrentDictionary<string, byte[]> _images = new();
    private readonly ConcurrentDictionary<string, string> _webhooks = new();

    public string Prefix => "avito";
    public string BaseUrl { get; set; } = "";

    public IReadOnlyCollection<RecordedCall> Calls => _calls.ToArray();

    /// <summary>The webhook URL each client subscribed (POST /messenger/v3/webhook).</summary>
    public string? WebhookOf(string clientId) => _webhooks.TryGetValue(clientId, out var url) ? url : null;

    /// <summary>An application's credentials, and how long its tokens live (Avito: 86400 s).</summary>
    public void RegisterClient(string clientId, string clientSecret, int expiresInSeconds = 86400)
    {
        _clients[clientId] = clientSecret;
        _expiresIn[clientId] = expiresInSeconds;
    }

    /// <summary>Invalidates every token issued to the client (as after a secret rotation): the next call gets 401.</summary>
    public void RevokeTokens(string clientId)
    {
        foreach (var (token, owner) in _tokens)
            if (owner.ClientId == clientId) _tokens.TryRemove(token, out _);
    }

    /// <summary>Answer this account's message lists wrapped in {"messages":[…]} instead of a bare array.</summary>
    public void WrapMessageLists(long userId) => _wrappedLists[userId.ToString(System.Globalization.CultureInfo.InvariantCulture)] = 1;

    public void Map(RouteGroupBuilder group)
    {
        group.MapPost("/token", (Delegate)TokenAsync);
        group.MapPost("/messenger/v3/webhook", (Delegate)((HttpContext ctx) => WithAuthAsync(ctx, SubscribeAsync)));
        group.MapGet("/messenger/v3/accounts/{userId}/chats/{chatId}/messages", (HttpContext ctx, string userId, string chatId) => WithAuthAsync(ctx, (c, _) => ListAsync(userId, chatId)));
        group.MapPost("/messenger/v1/accounts/{userId}/chats/{chatId}/messages", (HttpContext ctx, string userId, string chatId) => WithAuthAsync(ctx, (c, body) => SendText(chatId, body)));
        group.MapPost("/messenger/v1/accounts/{userId}/chats/{chatId}/messages/image", (HttpContext ctx, string userId, string chatId) => WithAuthAsync(ctx, (c, body) => SendImage(chatId, body)));
        group.MapPost("/messenger/v1/accounts/{userId}/uploadImages", (HttpContext ctx, string userId) => WithAuthAsync(ctx, (c, body) => Upload(body)));
        group.MapPost("/messenger/v1/accounts/{userId}/chats/{chatId}/read", (HttpContext ctx, string chatId) => WithAuthAsync(ctx, (c, _) => MarkRead(chatId)));
        group.MapGet("/messenger/v2/accounts/{userId}/chats", (HttpContext ctx, long userId) => WithAuthAsync(ctx, (c, body) => ListChats(userId, body)));
        group.MapGet("/images/{name}", (string name) => _images.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "image/jpeg") : Results.NotFound());
    }
}
