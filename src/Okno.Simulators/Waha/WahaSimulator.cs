using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Okno.Simulators.Waha;

/// <summary>
/// A stand-in for WAHA (waha.devlike.pro/docs): every call needs X-Api-Key; POST /api/sendText {session, chatId, text}
/// (and sendImage / sendFile with file{mimetype, filename, url|data}) answers the sent message with its id
/// ("true_{chatId}_{ID}"); a session that is not WORKING answers 422. Webhooks carry X-Webhook-Hmac = hex
/// HMAC-SHA512(key, raw body) and X-Webhook-Hmac-Algorithm: sha512.
/// </summary>
public sealed partial class WahaSimulator(HttpClient http) : ISimulator
{
    public const string ApiKey = "waha-test-api-key";
    public const string Me = "74950000002@c.us";

    public sealed record SentMessage(string Session, string ChatId, string Id, string Method, string? Text);

    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentQueue<SentMessage> _sent = new();
    private readonly ConcurrentQueue<(string Method, int Status)> _failures = new();
    private readonly ConcurrentDictionary<string, string> _sessions = new();
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string MimeType)> _files = new();

    public string Prefix => "waha";
    public string BaseUrl { get; set; } = "";
    public IReadOnlyCollection<RecordedCall> Calls => _calls.ToArray();
    public IReadOnlyList<RecordedCall> CallsTo(string path) => _calls.Where(c => c.Path.EndsWith(path, StringComparison.Ordinal)).ToList();
    public IReadOnlyList<SentMessage> Sent => _sent.ToArray();

    public string StatusOf(string session) => _sessions.GetValueOrDefault(session, "WORKING");

    public void SetStatus(string session, string status) => _sessions[session] = status;

    public void FailNext(string method, int status) => _failures.Enqueue((method, status));

    public void Map(RouteGroupBuilder group)
    {
        group.MapPost("/api/{method}", HandleAsync);
        group.MapGet("/api/sessions/{session}", GetSession);
        group.MapGet("/api/files/{name}", GetFile);
        group.MapGet("/_control/calls", () => Results.Json(_calls.Select(c => new { c.Method, c.Path, c.Body })));
    }
}
