namespace Okno.Core.Contacts;

/// <summary>
/// Where a contact can be reached through one channel account: the platform's reply address there
/// (Telegram chat id, WhatsApp phone, Avito chat id, e-mail address) and when the client last wrote
/// through it, by the platform's clock (the WhatsApp 24-hour window runs from that).
/// </summary>
public sealed class ContactEndpoint
{
    private ContactEndpoint() { }

    public ContactEndpoint(long contactId, Guid channelAccountId, string address)
    {
        ContactId = contactId;
        ChannelAccountId = channelAccountId;
        Address = address;
    }

    public long Id { get; private set; }
    public long ContactId { get; set; }
    public Guid ChannelAccountId { get; private set; }
    public string Address { get; private set; } = "";
    public DateTimeOffset? LastInboundAt { get; private set; }
    /// <summary>The client has blocked us here (Telegram 403, VK message_deny…).</summary>
    public bool IsBlocked { get; private set; }

    public void RecordInbound(DateTimeOffset platformTime)
    {
        if (LastInboundAt is null || platformTime > LastInboundAt) LastInboundAt = platformTime;
        IsBlocked = false;
    }

    public void SetBlocked(bool blocked) => IsBlocked = blocked;
}
