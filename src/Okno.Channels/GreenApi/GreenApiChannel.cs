using Okno.Core.Channels;

namespace Okno.Channels.GreenApi;

/// <summary>What a grey WhatsApp number through Green-API is: settings, set-up steps, capabilities.</summary>
public static class GreenApiChannel
{
    public static readonly ChannelDescriptor Descriptor = new(
        ChannelKind.WhatsAppGreenApi, "whatsapp_greenapi", "WhatsApp (Green-API)", "WhatsApp (Green-API)", "WA", "#4d6b57",
        [
            new("idInstance", SettingType.Number, "Номер инстанса в личном кабинете Green-API", "1101000001", Required: true),
            new("apiTokenInstance", SettingType.String, "Токен инстанса (apiTokenInstance)", "example-api-token-instance", Required: true, Secret: true),
            new("webhookToken", SettingType.String, "Токен webhook: Green-API пришлёт его в заголовке Authorization", "okno-webhook-token", Required: true, Secret: true),
            new("apiBaseUrl", SettingType.Url, "Адрес API инстанса (apiUrl из кабинета)", GreenApiConnector.DefaultApiBaseUrl),
            new("mediaUrl", SettingType.Url, "Адрес загрузки файлов (mediaUrl из кабинета)", GreenApiConnector.DefaultMediaUrl),
            new("minIntervalMs", SettingType.Number, $"Пауза между сообщениями, мс (не меньше {GreenApiConnector.FloorMinIntervalMs})",
                GreenApiConnector.DefaultMinIntervalMs.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("statePollSeconds", SettingType.Number, "Как часто проверять состояние номера, секунд",
                GreenApiConnector.DefaultStatePollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ],
        [
            "Создайте инстанс в кабинете Green-API и привяжите номер, отсканировав QR-код в WhatsApp.",
            "Впишите idInstance, apiTokenInstance и адрес API инстанса; придумайте webhookToken.",
            "Окно само укажет инстансу адрес webhook ниже. Серый канал могут заблокировать: держите официальный номер запасным.",
        ],
        new ChannelCapabilities { TextLimit = 20000, FilesOut = true, FilesIn = true, ReadReceipts = true });
}
