using Okno.Core.Channels;

namespace Okno.Channels.Max;

/// <summary>What a MAX bot channel is: settings, set-up steps, capabilities.</summary>
public static class MaxChannel
{
    public static readonly ChannelDescriptor Descriptor = new(
        ChannelKind.Max, "max", "MAX", "MAX", "MX", "#5b3fd6",
        [
            new("accessToken", SettingType.String, "Токен бота MAX (из кабинета партнёра)", "example-max-bot-token", Required: true, Secret: true),
            new("webhookSecret", SettingType.String, "Секрет подписки: 5–256 латинских букв, цифр или дефисов", "okno-max-secret-1", Required: true, Secret: true),
            new("apiBaseUrl", SettingType.Url, "Адрес Bot API", MaxConnector.DefaultApiBaseUrl),
        ],
        [
            "Создайте бота на платформе MAX для партнёров и скопируйте его токен (accessToken).",
            "Придумайте webhookSecret: Окно само подпишет бота на адрес ниже.",
        ],
        new ChannelCapabilities { TextLimit = MaxConnector.MaxMessageLength, FilesIn = true, Edits = true });
}
