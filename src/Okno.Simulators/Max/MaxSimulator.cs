using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Okno.Simulators.Max;

/// <summary>
/// A stand-in for the MAX Bot API, written from max-messenger/api-schema (schema.yaml) and dev.max.ru: the token
/// goes in "Authorization: &lt;token&gt;" (no Bearer; query tokens are refused); errors are JSON {code, message} with
/// HTTP 400/401/403/404/429/503; POST /subscriptions {url, update_types, secret} registers the webhook, and every
/// update is then posted there with the X-Max-Bot-Api-Secret header. Timestamps are Unix milliseconds.
/// </summary>
public sealed partial class MaxSimulator(HttpClient http) : ISimulator
{
    public const string SecretHeader = "X-Max-Bot-Api-Secret";
    private readonly ConcurrentDictionary<string, MaxBot> _bots = new();
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentQueue<(string Path, int Status, string Code, string Message, int? RetryAfter)> _failures = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private long _seq = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000; // a restarted stand-in never repeats a mid
    private long _fileId;

    public string Prefix => "max";
    public string BaseUrl { get; set; } = "";
    public IReadOnlyCollection<RecordedCall> Calls => _calls.ToArray();
    public IEnumerable<RecordedCall> CallsTo(string path) => _calls.Where(c => c.Path == path);

    public MaxBot AddBot(long botUserId, string token) => _bots[token] = new MaxBot(botUserId, token);

    public MaxBot? Find(string token) => _bots.TryGetValue(token, out var b) ? b : null;

    public IReadOnlyList<MaxSentMessage> SentTo(string token, long userId) =>
        _bots.TryGetValue(token, out var b) ? b.Sent.Where(s => s.UserId == userId).ToList() : [];

    public IEnumerable<(string Token, MaxSentMessage Message)> AllSent => _bots.Values.SelectMany(b => b.Sent.Select(s => (b.Token, s)));

    /// <summary>The next request to <paramref name="path"/> (e.g. "/messages") fails with that status and {code, message}.</summary>
    public void FailNext(string path, int status, string code, string message, int? retryAfter = null) =>
        _failures.Enqueue((path, status, code, message, retryAfter));

    public void Map(RouteGroupBuilder group)
    {
        group.MapPost("/subscriptions", Handler("/subscriptions"));
        group.MapGet("/subscriptions", Handler("/subscriptions"));
        group.MapDelete("/subscriptions", Handler("/subscriptions"));
        group.MapPost("/messages", Handler("/messages"));
        group.MapGet("/me", Handler("/me"));
        group.MapGet("/files/{id}", (string id) =>
            _files.TryGetValue(id, out var bytes) ? Results.Bytes(bytes, id.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "application/octet-stream") : Results.NotFound());
        group.MapGet("/_control/calls", () => Results.Json(_calls.Select(c => new { c.Method, c.Path, c.Body })));
    }

    private Delegate Handler(string path) => (HttpContext ctx) => HandleAsync(ctx, path);

    private string StoreFile(byte[] bytes, string extension)
    {
        var id = $"f{Interlocked.Increment(ref _fileId)}.{extension}";
        _files[id] = bytes;
        return $"{BaseUrl}/files/{id}";
    }

    private static IResult Error(int status, string code, string message, int? retryAfter = null, HttpContext? ctx = null)
    {
        if (retryAfter is { } after && ctx is not null) ctx.Response.Headers.RetryAfter = after.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(new JsonObject { ["code"] = code, ["message"] = message }, statusCode: status);
    }
}
