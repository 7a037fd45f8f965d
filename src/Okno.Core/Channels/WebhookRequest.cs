namespace Okno.Core.Channels;

/// <summary>A webhook as it arrived, raw: signatures are computed over these exact body bytes.</summary>
public sealed record WebhookRequest(
    string Method,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Query,
    ReadOnlyMemory<byte> Body,
    string? PathToken = null)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) ? v : null;
}

public abstract record WebhookOutcome
{
    /// <summary>Verification failed or the request is malformed: nothing is written.</summary>
    public sealed record Rejected(int StatusCode, string Reason) : WebhookOutcome;

    /// <summary>A handshake (WhatsApp's hub.challenge, VK's confirmation code) answered as the platform expects.</summary>
    public sealed record Immediate(int StatusCode, string Body, string ContentType = "text/plain") : WebhookOutcome;

    /// <summary>Verified and parsed; the response is sent only after the events are committed.</summary>
    public sealed record Accepted(IReadOnlyList<InboundEvent> Events, string ResponseBody = "", string ContentType = "text/plain") : WebhookOutcome;

    public static Rejected Unauthorized(string reason) => new(401, reason);
    public static Rejected Forbidden(string reason) => new(403, reason);
    public static Rejected BadRequest(string reason) => new(400, reason);
}
