using Okno.Core.Channels;

namespace Okno.Channels.Vk;

/// <summary>What a VK community channel is: settings, set-up steps, capabilities.</summary>
public static class VkChannel
{
    public static readonly ChannelDescriptor Descriptor = new(
        ChannelKind.Vk, "vk", "ВКонтакте", "VK", "VK", "#0059b3",
        [
            new("groupId", SettingType.Number, "Числовой идентификатор сообщества (без минуса)", "214167102", Required: true),
            new("accessToken", SettingType.String, "Ключ доступа сообщества с правом «сообщения»", "vk1.a.example-access-token", Required: true, Secret: true),
            new("confirmationCode", SettingType.String, "Строка, которую должен вернуть сервер (Callback API)", "a1b2c3d4", Required: true, Secret: true),
            new("secret", SettingType.String, "Секретный ключ Callback API: латинские буквы и цифры, до 50", "oknoVkSecret1", Required: true, Secret: true),
            new("apiVersion", SettingType.String, "Версия API", VkConnector.DefaultApiVersion),
            new("apiBaseUrl", SettingType.Url, "Адрес API (по умолчанию https://api.vk.com)", VkConnector.DefaultApiBaseUrl),
        ],
        [
            "В сообществе: Управление → Работа с API → Callback API. Создайте ключ доступа с правом «сообщения».",
            "Впишите строку подтверждения (confirmationCode) и секретный ключ (secret), затем укажите адрес ниже.",
            "Включите тип события «Входящее сообщение».",
        ],
        new ChannelCapabilities { TextLimit = VkConnector.MaxMessageLength, FilesIn = true });
}
