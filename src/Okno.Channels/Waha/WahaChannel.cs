using Okno.Core.Channels;

namespace Okno.Channels.Waha;

/// <summary>What a grey WhatsApp number through a self-hosted WAHA is: settings, set-up steps, capabilities.</summary>
public static class WahaChannel
{
    public static readonly ChannelDescriptor Descriptor = new(
        ChannelKind.WhatsAppWaha, "whatsapp_waha", "WhatsApp (WAHA)", "WhatsApp (WAHA)", "WA", "#4d6b57",
        [
            new("apiBaseUrl", SettingType.Url, "Адрес вашего сервера WAHA", "http://waha.firma.local:3000", Required: true),
            new("session", SettingType.String, "Имя сессии WAHA: латинские буквы, цифры, _ и -", "default", Required: true),
            new("apiKey", SettingType.String, "Ключ API сервера WAHA (WAHA_API_KEY)", "example-waha-api-key", Required: true, Secret: true),
            new("hmacKey", SettingType.String, "Ключ подписи webhook (HMAC)", "okno-waha-hmac-key", Required: true, Secret: true),
        ],
        [
            "Запустите WAHA на своём сервере и создайте сессию; привяжите номер, отсканировав QR-код в WhatsApp.",
            "Впишите адрес сервера, имя сессии и ключ API; придумайте hmacKey.",
            "Окно само укажет сессии адрес webhook ниже. Серый канал могут заблокировать: держите официальный номер запасным.",
        ],
        new ChannelCapabilities { TextLimit = 65536, FilesOut = true, FilesIn = true, ReadReceipts = true });
}
