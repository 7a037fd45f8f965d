namespace Okno.Core.Channels;

/// <summary>A kind of platform, as stored. Everything else about a kind lives in its <see cref="ChannelDescriptor"/>.</summary>
public enum ChannelKind
{
    Telegram,
    WhatsAppCloud,
    WhatsAppGreenApi,
    WhatsAppWaha,
    Vk,
    Max,
    Email,
    WebChat,
    Avito,
}
