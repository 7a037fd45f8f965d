using Okno.Core.Channels;

namespace Okno.Channels.Email;

/// <summary>What an e-mail mailbox channel is: settings, set-up steps, capabilities.</summary>
public static class EmailChannel
{
    public static readonly ChannelDescriptor Descriptor = new(
        ChannelKind.Email, "email", "E-mail", "E-mail", "@", "#4b5563",
        [
            new("imapHost", SettingType.String, "Сервер IMAP", "imap.firma.ru", Required: true),
            new("imapPort", SettingType.Number, "Порт IMAP (993 для ssl, 143 иначе)", "993"),
            new("imapTls", SettingType.String, "Шифрование IMAP", "ssl") { Choices = EmailSettings.TlsModes },
            new("imapUser", SettingType.String, "Логин IMAP", "zayavki@firma.ru", Required: true),
            new("imapPassword", SettingType.String, "Пароль IMAP (лучше пароль приложения)", "example-imap-password", Required: true, Secret: true),
            new("folder", SettingType.String, "Папка с входящими", "INBOX"),
            new("smtpHost", SettingType.String, "Сервер SMTP", "smtp.firma.ru", Required: true),
            new("smtpPort", SettingType.Number, "Порт SMTP (465 ssl, 587 starttls)", "587"),
            new("smtpTls", SettingType.String, "Шифрование SMTP", "starttls") { Choices = EmailSettings.TlsModes },
            new("smtpUser", SettingType.String, "Логин SMTP (если сервер его требует)", "zayavki@firma.ru"),
            new("smtpPassword", SettingType.String, "Пароль SMTP (нужен вместе с логином)", "example-smtp-password", Secret: true),
            new("fromAddress", SettingType.String, "Адрес отправителя ответов", "zayavki@firma.ru", Required: true),
            new("displayName", SettingType.String, "Имя отправителя", "Юридическая фирма"),
            new("pollSeconds", SettingType.Number, "Как часто проверять почту, если сервер не умеет IDLE, секунд",
                EmailSettings.DefaultPollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ],
        [
            "Создайте отдельный ящик для обращений и пароль приложения.",
            "Впишите серверы IMAP и SMTP и учётные данные: Окно будет забирать письма само, webhook не нужен.",
        ],
        new ChannelCapabilities { FilesOut = true, FilesIn = true });
}
