using System.Collections.Concurrent;

namespace Okno.Simulators.Vk;

/// <summary>One community: its token, callback server and the users who may receive its messages.</summary>
public sealed class VkCommunity(long groupId, string accessToken, string secret, string confirmationCode)
{
    public long GroupId { get; } = groupId;
    public string AccessToken { get; } = accessToken;
    public string Secret { get; set; } = secret;
    public string ConfirmationCode { get; } = confirmationCode;
    public string? CallbackUrl { get; set; }
    public bool Confirmed { get; set; }
    internal ConcurrentDictionary<long, byte> Allowed { get; } = new();
    internal ConcurrentDictionary<long, byte> Blacklisted { get; } = new();
    internal ConcurrentDictionary<(long Peer, long RandomId), long> SentByRandomId { get; } = new();
    internal ConcurrentQueue<VkSentMessage> Sent { get; } = new();
}
