using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Okno.Simulators.Vk;

public sealed partial class VkSimulator
{
    private async Task<IResult> HandleAsync(HttpContext context, string method)
    {
        var p = new JsonObject();
        foreach (var q in context.Request.Query) p[q.Key] = q.Value.ToString();
        if (context.Request.HasFormContentType)
            foreach (var field in await context.Request.ReadFormAsync()) p[field.Key] = field.Value.ToString();
        _calls.Enqueue(new RecordedCall(context.Request.Method, "/method/" + method,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()), p, DateTimeOffset.UtcNow));

        var token = Str(p, "access_token");
        if (string.IsNullOrEmpty(token)) return Error(5, "User authorization failed: no access_token passed.", p);
        var community = _communities.Values.FirstOrDefault(c => c.AccessToken == token);
        if (community is null) return Error(5, "User authorization failed: invalid access_token (4).", p);
        if (string.IsNullOrEmpty(Str(p, "v"))) return Error(8, "Invalid request: v (version) is required", p);
        if (TakeFailure(method) is { } f) return Error(f.Code, f.Message, p);

        return method switch
        {
            "groups.getById" => Response(new JsonObject
            {
                ["groups"] = new JsonArray(new JsonObject { ["id"] = community.GroupId, ["name"] = "Юридическая фирма", ["screen_name"] = "club" + community.GroupId, ["type"] = "group" }),
                ["profiles"] = new JsonArray(),
            }),
            "messages.send" => Send(community, p),
            "users.get" => Response(new JsonArray((Str(p, "user_ids") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => long.TryParse(id, out var uid) ? uid : 0).Where(uid => uid > 0)
                .Select(uid => (JsonNode)UserObject(uid)).ToArray())),
            _ => Error(3, "Unknown method passed", p),
        };
    }

    private IResult Send(VkCommunity community, JsonObject p)
    {
        if (!long.TryParse(Str(p, "peer_id") ?? Str(p, "user_id"), out var peer) || peer == 0)
            return Error(100, "One of the parameters specified was missing or invalid: peer_id is undefined", p);
        if (!long.TryParse(Str(p, "random_id"), out var randomId))
            return Error(100, "One of the parameters specified was missing or invalid: random_id is a required parameter", p);
        var text = Str(p, "message") ?? "";
        if (text.Length == 0 && string.IsNullOrEmpty(Str(p, "attachment")))
            return Error(100, "One of the parameters specified was missing or invalid: message is empty or invalid", p);
        if (text.Length > 9000) return Error(914, "Message is too long", p);
        if (community.Blacklisted.ContainsKey(peer)) return Error(900, "Can't send messages for users from blacklist", p);
        if (!community.Allowed.ContainsKey(peer)) return Error(901, "Can't send messages for users without permission", p);

        // random_id is checked for uniqueness: the same one again answers the message sent the first time.
        if (randomId != 0 && community.SentByRandomId.TryGetValue((peer, randomId), out var existing)) return Response(existing);
        var id = Interlocked.Increment(ref _messageId);
        if (randomId != 0 && !community.SentByRandomId.TryAdd((peer, randomId), id)) return Response(community.SentByRandomId[(peer, randomId)]);
        var sent = new VkSentMessage(id, peer, randomId, text, DateTimeOffset.UtcNow);
        community.Sent.Enqueue(sent);
        if (community.Confirmed)
        {
            var echo = EchoEvent(community.GroupId, sent);
            _ = Task.Run(async () =>
            {
                await Task.Delay(EchoDelay);
                try { using var _ = await DeliverAsync(community.GroupId, echo); }
                catch (HttpRequestException) { /* VK retries later; the stand-in does not */ }
            });
        }
        if (Interlocked.Exchange(ref _loseNextSendResponse, 0) == 1)
            return Results.Text("<html><body>502 Bad Gateway</body></html>", "text/html", statusCode: 502); // sent, but the answer is lost
        return Response(id);
    }

    private int _loseNextSendResponse;

    /// <summary>The next messages.send goes out to the user, but its answer is lost on the way back (a crash, a proxy).</summary>
    public void LoseNextSendResponse() => Interlocked.Exchange(ref _loseNextSendResponse, 1);

    /// <summary>How long after a send its message_reply is posted to the callback server.</summary>
    public TimeSpan EchoDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    private JsonObject UserObject(long id)
    {
        var (first, last) = _users.TryGetValue(id, out var n) ? n : ("Пользователь", Inv(id));
        return new JsonObject { ["id"] = id, ["first_name"] = first, ["last_name"] = last, ["can_access_closed"] = true, ["is_closed"] = false };
    }

    private (int Code, string Message)? TakeFailure(string method)
    {
        if (!_failures.TryPeek(out var f) || f.Method != method) return null;
        return _failures.TryDequeue(out f) ? (f.Code, f.Message) : null;
    }

    private static string? Str(JsonObject p, string name) => p[name]?.GetValue<string>();

    private static IResult Response(JsonNode value) => Results.Json(new JsonObject { ["response"] = value });

    private static IResult Error(int code, string message, JsonObject p) => Results.Json(new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["error_code"] = code,
            ["error_msg"] = message,
            ["request_params"] = new JsonArray(p.Where(kv => kv.Key != "access_token")
                .Select(kv => (JsonNode)new JsonObject { ["key"] = kv.Key, ["value"] = kv.Value?.ToString() }).ToArray()),
        },
    });

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string Inv(long v) => v.ToString(CultureInfo.InvariantCulture);
}
