namespace Okno.Core.Channels;

public enum ChannelStatus
{
    Connected,
    NeedsAttention,
    Blocked,
    Disconnected,
}
