using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Okno.Simulators.Vk;

/// <summary>
/// A stand-in for VK's API and Callback API, written from dev.vk.com and VKCOM/vk-api-schema (5.199):
/// methods answer HTTP 200 with {"response":…} or {"error":{"error_code","error_msg","request_params"}};
/// messages.send needs random_id and answers the first message's id again for a repeated random_id (no resend);
/// 901 until the user writes first or allows messages, 900 for users who blacklisted the community.
/// Callback events are JSON {type, event_id, v, object, group_id, secret}; a server is confirmed by the
/// "confirmation" request answered with the community's code. Sends and admin replies come back as message_reply.
/// </summary>
public sealed partial class VkSimulator(HttpClient http) : ISimulator
{
    public const string ApiVersion = "5.199";
    private readonly ConcurrentDictionary<long, VkCommunity> _communities = new();
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentQueue<(string Method, int Code, string Message)> _failures = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly ConcurrentDictionary<long, (string First, string Last)> _users = new();
    private long _messageId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 100; // a restarted stand-in never repeats an id
    private long _fileId;

    public string Prefix => "vk";
    public string BaseUrl { get; set; } = "";
    public IReadOnlyCollection<RecordedCall> Calls => _calls.ToArray();
    public IEnumerable<RecordedCall> CallsTo(string method) => _calls.Where(c => c.Path == "/method/" + method);

    /// <summary>Messages actually delivered to users (a repeated random_id adds nothing here).</summary>
    public IReadOnlyList<VkSentMessage> SentTo(long groupId, long peerId) =>
        _communities.TryGetValue(groupId, out var c) ? c.Sent.Where(s => s.PeerId == peerId).ToList() : [];

    /// <summary>Every message sent by any community, in order (demo clients watch it to answer back).</summary>
    public IEnumerable<(long GroupId, VkSentMessage Message)> AllSent => _communities.Values.SelectMany(c => c.Sent.Select(s => (c.GroupId, s)));

    public VkCommunity AddCommunity(long groupId, string accessToken, string secret, string confirmationCode) =>
        _communities[groupId] = new VkCommunity(groupId, accessToken, secret, confirmationCode);

    /// <summary>A VK user's public name, as users.get returns it.</summary>
    public void SetUserName(long userId, string firstName, string lastName) => _users[userId] = (firstName, lastName);

    public VkCommunity? Find(long groupId) => _communities.TryGetValue(groupId, out var c) ? c : null;

    /// <summary>The next call of <paramref name="method"/> fails with that VK error code.</summary>
    public void FailNext(string method, int code, string message) => _failures.Enqueue((method, code, message));

    /// <summary>The user added the community to their blacklist: messages.send answers 900.</summary>
    public void Blacklist(long groupId, long userId) => _communities[groupId].Blacklisted[userId] = 1;

    public void Map(RouteGroupBuilder group)
    {
        group.MapPost("/method/{method}", HandleAsync);
        group.MapGet("/method/{method}", HandleAsync);
        group.MapGet("/files/{id}", (string id) =>
            _files.TryGetValue(id, out var bytes) ? Results.Bytes(bytes, id.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "application/octet-stream") : Results.NotFound());
        group.MapGet("/_control/calls", () => Results.Json(_calls.Select(c => new { c.Method, c.Path, c.Body })));
    }

    private string StoreFile(byte[] bytes, string extension)
    {
        var id = $"f{Interlocked.Increment(ref _fileId)}.{extension}";
        _files[id] = bytes;
        return $"{BaseUrl}/files/{id}";
    }
}
