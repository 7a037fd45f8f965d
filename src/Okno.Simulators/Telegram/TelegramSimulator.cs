using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Okno.Simulators.Telegram;

/// <summary>
/// A stand-in for the Telegram Bot API server, written from https://core.telegram.org/bots/api:
/// every method answers {"ok":true,"result":…} or {"ok":false,"error_code":…,"description":…};
/// 429 carries "parameters":{"retry_after":N}; a bot blocked by the user gets 403
/// "Forbidden: bot was blocked by the user"; an unknown chat 400 "Bad Request: chat not found";
/// a revoked token 401 "Unauthorized". Webhooks are posted with X-Telegram-Bot-Api-Secret-Token.
/// </summary>
public sealed partial class TelegramSimulator(HttpClient http) : ISimulator
{
    public const long BotId = 7000000001;
    private long _updateId = 100_000;
    private long _messageId = 1_000;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentDictionary<string, byte> _knownChats = new();
    private readonly ConcurrentDictionary<string, byte> _blockedBy = new();
    private readonly ConcurrentDictionary<string, byte> _revokedTokens = new();
    private readonly ConcurrentQueue<(string Method, int Code, string Description, int? RetryAfter)> _failures = new();
    private readonly ConcurrentQueue<JsonObject> _pendingUpdates = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly ConcurrentDictionary<string, string> _filePaths = new();

    /// <summary>Stores a file the way getFile finds it: file_id → file_path → bytes.</summary>
    private void StoreFile(string fileId, string path, byte[] bytes)
    {
        _files[path] = bytes;
        _filePaths[fileId] = path;
    }

    public string Prefix => "telegram";
    public string BaseUrl { get; set; } = "";
    public IReadOnlyCollection<RecordedCall> Calls => _calls.ToArray();
    public IEnumerable<RecordedCall> CallsTo(string method) => _calls.Where(c => c.Path.EndsWith("/" + method, StringComparison.Ordinal));

    /// <summary>The webhook Telegram would post to, as set by setWebhook.</summary>
    public string? WebhookUrl { get; private set; }
    public string? WebhookSecret { get; private set; }

    /// <summary>The next call of <paramref name="method"/> fails as Telegram would.</summary>
    public void FailNext(string method, int code, string description, int? retryAfter = null) => _failures.Enqueue((method, code, description, retryAfter));

    public void BlockBot(long userId) => _blockedBy[userId.ToString(System.Globalization.CultureInfo.InvariantCulture)] = 1;

    public void RevokeToken(string token) => _revokedTokens[token] = 1;

    /// <summary>Update and message ids continue above <paramref name="seed"/> (demo mode: ids of an earlier run stay taken).</summary>
    public void ContinueIdsAfter(long seed)
    {
        if (Interlocked.Read(ref _updateId) < seed) Interlocked.Exchange(ref _updateId, seed);
        if (Interlocked.Read(ref _messageId) < seed) Interlocked.Exchange(ref _messageId, seed);
    }

    public void Map(RouteGroupBuilder group)
    {
        group.MapPost("/bot{token}/{method}", HandleAsync);
        group.MapGet("/bot{token}/{method}", HandleAsync);
        group.MapGet("/file/bot{token}/{**path}", (string token, string path) =>
            _files.TryGetValue(path, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound());
        group.MapGet("/_control/calls", () => Results.Json(_calls.Select(c => new { c.Method, c.Path, c.Body })));
    }
}
