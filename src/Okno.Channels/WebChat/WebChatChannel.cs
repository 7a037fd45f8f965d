using Okno.Core.Channels;

namespace Okno.Channels.WebChat;

/// <summary>What the chat on the firm's site is: settings, set-up steps, capabilities.</summary>
public static class WebChatChannel
{
    public static readonly ChannelDescriptor Descriptor = new(
        ChannelKind.WebChat, "webchat", "Чат на сайте", "Site chat", "W", "#0f766e",
        [
            new("allowedOrigins", SettingType.List, "Адреса сайтов, где стоит виджет, через запятую", "https://firma.ru", Required: true),
            new("title", SettingType.String, "Заголовок виджета", "Онлайн-консультация"),
            new("greeting", SettingType.String, "Приветствие", "Здравствуйте! Напишите ваш вопрос — юрист ответит здесь же."),
            new("color", SettingType.String, "Цвет виджета", "#1f5fbf"),
            new("preChatForm", SettingType.Boolean, "Спрашивать имя и телефон до начала чата", "false"),
            new("consentText", SettingType.String, "Текст согласия на обработку данных", "Я согласен(на) на обработку персональных данных"),
            new("policyUrl", SettingType.Url, "Ссылка на политику обработки данных", "https://firma.ru/privacy"),
            new("businessHours", SettingType.String, "Часы работы", "Mon-Fri 09:00-18:00 Europe/Moscow"),
            new("hmacSecret", SettingType.String, "Секрет подписи посетителя вашим сайтом (не короче 16 символов)", "example-site-hmac-secret", Secret: true),
            new("maxUploadMb", SettingType.Number, $"Наибольший файл от посетителя, МБ (до {WebChatSettings.LimitMaxUploadMb})", "10"),
        ],
        [
            "Впишите адрес сайта (allowedOrigins) и сохраните канал.",
            "Скопируйте код виджета ниже и вставьте его на страницы сайта перед </body>.",
        ],
        new ChannelCapabilities { FilesOut = true, FilesIn = true })
    {
        EmbedTemplate = "<script src=\"{publicUrl}/widget.js\" data-channel=\"{channelId}\" async></script>",
    };
}
