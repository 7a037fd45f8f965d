using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Okno.Simulators.WhatsAppCloud;

/// <summary>
/// A stand-in for the WhatsApp Cloud API (Graph API), written from Meta's published reference: sends to
/// POST /{version}/{phone-number-id}/messages answer {"messaging_product":"whatsapp","contacts":[…],"messages":[{"id":"wamid…"}]};
/// errors are Graph errors {"error":{"message","type","code","error_data":{"details"},"fbtrace_id"}}; a bad token is
/// 401 with code 190; media are uploaded to /{phone-number-id}/media and looked up by id (GET /{media-id} → url).
/// Webhooks are posted with X-Hub-Signature-256 = "sha256=" + hex HMAC-SHA256(app secret, raw body).
/// </summary>
public sealed partial class WhatsAppCloudSimulator(HttpClient http) : ISimulator
{
    private long _sequence = 1_000;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentQueue<(string Endpoint, int HttpStatus, long Code, string Message)> _failures = new();
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string MimeType)> _media = new();
    private readonly ConcurrentDictionary<string, byte> _revokedTokens = new();

    public string Prefix => "whatsapp-cloud";
    public string BaseUrl { get; set; } = "";
    public IReadOnlyCollection<RecordedCall> Calls => _calls.ToArray();

    /// <summary>Calls to one edge ("messages", "media"), oldest first.</summary>
    public IReadOnlyList<RecordedCall> CallsTo(string edge) => _calls.Where(c => c.Method == "POST" && c.Path.EndsWith("/" + edge, StringComparison.Ordinal)).ToList();

    /// <summary>The next call to <paramref name="endpoint"/> ("messages" or "media") fails with this Graph error.</summary>
    public void FailNext(string endpoint, long code, string message, int httpStatus = 400) => _failures.Enqueue((endpoint, httpStatus, code, message));

    public void RevokeToken(string token) => _revokedTokens[token] = 1;

    public void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{version}/{phoneNumberId}/messages", SendAsync);
        group.MapPost("/{version}/{phoneNumberId}/media", UploadAsync);
        group.MapGet("/{version}/{id}", GetNode);
        group.MapGet("/lookaside/{mediaId}", Lookaside);
        group.MapGet("/_control/calls", () => Results.Json(_calls.Select(c => new { c.Method, c.Path, c.Body })));
    }

    private string NextWamid() =>
        "wamid." + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"HBgLNzkxNjEyMzQ1NjcVAgARGBI{Interlocked.Increment(ref _sequence)}{Guid.NewGuid():N}"));

    private string StoreMedia(byte[] bytes, string mimeType)
    {
        var id = (Interlocked.Increment(ref _sequence) * 7919 + 100_000_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _media[id] = (bytes, mimeType);
        return id;
    }
}
