namespace Okno.Core.Channels;

/// <summary>A kind of platform. The wire names (snake_case) are fixed: integrators and settings use them.</summary>
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

public static class ChannelKinds
{
    private static readonly Dictionary<string, ChannelKind> ByWireName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["telegram"] = ChannelKind.Telegram,
        ["whatsapp_cloud"] = ChannelKind.WhatsAppCloud,
        ["whatsapp_greenapi"] = ChannelKind.WhatsAppGreenApi,
        ["whatsapp_waha"] = ChannelKind.WhatsAppWaha,
        ["vk"] = ChannelKind.Vk,
        ["max"] = ChannelKind.Max,
        ["email"] = ChannelKind.Email,
        ["webchat"] = ChannelKind.WebChat,
        ["avito"] = ChannelKind.Avito,
    };

    public static IEnumerable<string> WireNames => ByWireName.Keys;

    public static string ToWireName(this ChannelKind kind) => ByWireName.First(p => p.Value == kind).Key;

    public static bool TryParse(string? wireName, out ChannelKind kind)
    {
        kind = default;
        return wireName is not null && ByWireName.TryGetValue(wireName, out kind);
    }
}
