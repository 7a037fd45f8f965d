using Okno.Core.Channels;

namespace Okno.Channels.Telegram;

/// <summary>What a Telegram bot channel is: settings, set-up steps, capabilities.</summary>
public static class TelegramChannel
{
    public static readonly ChannelDescriptor Descriptor = new(
        ChannelKind.Telegram, "telegram", "Telegram", "Telegram", "TG", "#0b6ea8",
        [
            new("botToken", SettingType.String, "Токен бота от @BotFather", "7000000001:AAE-example-bot-token", Required: true, Secret: true),
            new("secretToken", SettingType.String, "Секрет webhook: латинские буквы, цифры, _ и -, до 256 символов (нужен в режиме webhook)",
                "okno-webhook-secret-1", Secret: true),
            new("mode", SettingType.String, "webhook — Telegram присылает сообщения сам; polling — Окно забирает их (сервер без публичного адреса)",
                "webhook") { Choices = ["webhook", "polling"] },
            new("apiBaseUrl", SettingType.Url, "Адрес Bot API (по умолчанию https://api.telegram.org)", TelegramConnector.DefaultApiBaseUrl),
        ],
        [
            "Откройте @BotFather в Telegram, отправьте /newbot и получите токен бота.",
            "Вставьте токен в поле botToken, придумайте secretToken (длинная случайная строка).",
            "Сохраните: Окно само зарегистрирует webhook (адрес ниже) через setWebhook.",
            "Если сервер не доступен из интернета, выберите mode: polling.",
        ],
        new ChannelCapabilities { TextLimit = 4096, FilesOut = true, FilesIn = true, Edits = true });
}
