using System.Collections.Concurrent;

namespace Okno.Simulators.Max;

/// <summary>One bot: its token, webhook subscription and the users who started or stopped it.</summary>
public sealed class MaxBot(long userId, string token)
{
    public long UserId { get; } = userId;
    public string Token { get; } = token;
    public string? WebhookUrl { get; set; }
    public string? WebhookSecret { get; set; }
    public IReadOnlyList<string> UpdateTypes { get; set; } = [];
    internal ConcurrentDictionary<long, byte> Started { get; } = new();
    internal ConcurrentDictionary<long, byte> Stopped { get; } = new();
    internal ConcurrentQueue<MaxSentMessage> Sent { get; } = new();
}
