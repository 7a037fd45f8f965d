using Okno.Core.Channels;

namespace Okno.Channels.WhatsAppCloud;

/// <summary>What an official WhatsApp (Cloud API) number is: settings, set-up steps, capabilities.</summary>
public static class WhatsAppCloudChannel
{
    public static readonly ChannelDescriptor Descriptor = new(
        ChannelKind.WhatsAppCloud, "whatsapp_cloud", "WhatsApp Cloud API", "WhatsApp Cloud API", "WA", "#0f7a3d",
        [
            new("phoneNumberId", SettingType.String, "Phone number ID номера в Meta (цифры)", "106540352242922", Required: true),
            new("accessToken", SettingType.String, "Постоянный токен системного пользователя", "EAAG-example-access-token", Required: true, Secret: true),
            new("appSecret", SettingType.String, "App Secret приложения: им подписаны webhooks", "example-app-secret", Required: true, Secret: true),
            new("verifyToken", SettingType.String, "Строка проверки webhook, та же, что в настройках Meta", "okno-verify-token", Required: true, Secret: true),
            new("apiVersion", SettingType.String, "Версия Graph API", WhatsAppCloudConnector.DefaultApiVersion),
            new("apiBaseUrl", SettingType.Url, "Адрес Graph API (по умолчанию https://graph.facebook.com)", WhatsAppCloudConnector.DefaultApiBaseUrl),
        ],
        [
            "В Meta for Developers создайте приложение типа Business и добавьте продукт WhatsApp.",
            "Скопируйте Phone number ID и постоянный токен системного пользователя (accessToken), App Secret.",
            "В разделе Webhooks укажите адрес ниже и verifyToken; подпишитесь на поле messages.",
            "Помните: вне 24-часового окна можно отправлять только одобренные шаблоны.",
        ],
        new ChannelCapabilities
        {
            TextLimit = 4096, FilesOut = true, FilesIn = true, Templates = true, ReplyWindow = TimeSpan.FromHours(24), ReadReceipts = true,
        });
}
