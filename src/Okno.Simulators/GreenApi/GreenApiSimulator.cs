using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Okno.Simulators.GreenApi;

/// <summary>
/// A stand-in for Green-API (green-api.com/en/docs): methods at /waInstance{idInstance}/{method}/{apiTokenInstance};
/// sendMessage {chatId, message} and sendFileByUrl {chatId, urlFile, fileName, caption} answer {"idMessage":…};
/// validation errors are 400, a wrong token 401, too many requests 429, plan quota 466; getStateInstance answers
/// {"stateInstance":…}; setSettings {"saveSettings":true}. Webhooks carry Authorization: Bearer &lt;webhookUrlToken&gt;.
/// </summary>
public sealed partial class GreenApiSimulator(HttpClient http) : ISimulator
{
    public sealed record SentMessage(string IdInstance, string ChatId, string IdMessage, string Method, string? Text, DateTimeOffset At);

    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentQueue<SentMessage> _sent = new();
    private readonly ConcurrentQueue<(string Method, int Status, string Body)> _failures = new();
    private readonly ConcurrentDictionary<string, string> _states = new();
    private readonly ConcurrentDictionary<string, JsonObject> _settings = new();
    private readonly ConcurrentDictionary<string, byte> _revokedTokens = new();
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string MimeType)> _files = new();

    public string Prefix => "greenapi";
    public string BaseUrl { get; set; } = "";
    public IReadOnlyCollection<RecordedCall> Calls => _calls.ToArray();
    public IReadOnlyList<RecordedCall> CallsTo(string method, string? idInstance = null) => _calls
        .Where(c => c.Path.Contains($"/{method}/", StringComparison.Ordinal) && (idInstance is null || c.Path.Contains($"/waInstance{idInstance}/", StringComparison.Ordinal)))
        .ToList();

    /// <summary>Messages accepted for sending, oldest first.</summary>
    public IReadOnlyList<SentMessage> Sent => _sent.ToArray();

    public JsonObject? SettingsOf(string idInstance) => _settings.TryGetValue(idInstance, out var s) ? s : null;

    public string StateOf(string idInstance) => _states.GetValueOrDefault(idInstance, "authorized");

    /// <summary>Changes the instance's state without a webhook (as when Green-API's stateInstanceChanged is lost).</summary>
    public void SetState(string idInstance, string state) => _states[idInstance] = state;

    /// <summary>The next call of <paramref name="method"/> answers <paramref name="status"/> with this body.</summary>
    public void FailNext(string method, int status, string body = "") => _failures.Enqueue((method, status, body));

    public void RevokeToken(string token) => _revokedTokens[token] = 1;

    public void Map(RouteGroupBuilder group)
    {
        group.MapPost("/waInstance{idInstance}/{method}/{token}", HandleAsync);
        group.MapGet("/waInstance{idInstance}/{method}/{token}", HandleAsync);
        group.MapGet("/files/{name}", (string name) => _files.TryGetValue(name, out var f) ? Results.Bytes(f.Bytes, f.MimeType) : Results.NotFound());
        group.MapGet("/_control/calls", () => Results.Json(_calls.Select(c => new { c.Method, c.Path, c.Body })));
    }
}
