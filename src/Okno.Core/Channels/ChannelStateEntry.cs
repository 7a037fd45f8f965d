namespace Okno.Core.Channels;

/// <summary>A connector's durable cursor: Telegram's update offset, an IMAP (UIDVALIDITY, last UID)…</summary>
public sealed class ChannelStateEntry
{
    public Guid ChannelAccountId { get; set; }
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
