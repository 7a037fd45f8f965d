namespace Okno.Web.Ui.Components.Admin;

/// <summary>Per kind: a settings skeleton to fill in and the set-up steps in Russian.</summary>
public static class ChannelGuide
{
    public static string Template(string kind) => kind switch
    {
        "telegram" => """{ "botToken": "", "secretToken": "", "mode": "webhook" }""",
        "whatsapp_cloud" => """{ "phoneNumberId": "", "accessToken": "", "appSecret": "", "verifyToken": "" }""",
        "whatsapp_greenapi" => """{ "idInstance": "", "apiTokenInstance": "", "webhookToken": "" }""",
        "whatsapp_waha" => """{ "baseUrl": "", "session": "default", "apiKey": "", "webhookSecret": "" }""",
        "vk" => """{ "groupId": "", "accessToken": "", "confirmationCode": "", "secretKey": "" }""",
        "max" => """{ "botToken": "" }""",
        "email" => """{ "imapHost": "", "imapPort": 993, "smtpHost": "", "smtpPort": 465, "userName": "", "password": "", "fromAddress": "" }""",
        "webchat" => """{ "allowedOrigins": [] }""",
        "avito" => """{ "clientId": "", "clientSecret": "", "userId": "" }""",
        _ => "{ }",
    };

    public static IReadOnlyList<string> Steps(string kind) => kind switch
    {
        "telegram" =>
        [
            "Откройте @BotFather в Telegram, отправьте /newbot и получите токен бота.",
            "Вставьте токен в поле botToken, придумайте secretToken (длинная случайная строка).",
            "Сохраните: Окно само зарегистрирует webhook (адрес ниже) через setWebhook.",
            "Если сервер не доступен из интернета, укажите mode: \"polling\".",
        ],
        "whatsapp_cloud" =>
        [
            "В Meta for Developers создайте приложение типа Business и добавьте продукт WhatsApp.",
            "Скопируйте Phone number ID и постоянный токен системного пользователя (accessToken), App Secret.",
            "В разделе Webhooks укажите адрес ниже и verifyToken; подпишитесь на поле messages.",
            "Помните: вне 24-часового окна можно отправлять только одобренные шаблоны.",
        ],
        "whatsapp_greenapi" or "whatsapp_waha" =>
        [
            "Создайте инстанс/сессию в шлюзе и привяжите номер, отсканировав QR-код в WhatsApp.",
            "Впишите идентификатор и токен шлюза в настройки.",
            "Укажите в шлюзе адрес webhook ниже. Серый канал могут заблокировать: держите официальный номер запасным.",
        ],
        "vk" =>
        [
            "В сообществе: Управление → Работа с API → Callback API. Создайте ключ доступа с правом «сообщения».",
            "Впишите строку подтверждения (confirmationCode) и секретный ключ, затем укажите адрес ниже.",
            "Включите тип события «Входящее сообщение».",
        ],
        "email" =>
        [
            "Создайте отдельный ящик для обращений и пароль приложения.",
            "Впишите адреса IMAP и SMTP и учётные данные: Окно будет забирать письма само.",
        ],
        _ => ["Заполните настройки по документации платформы и укажите адрес webhook ниже, если платформа его требует."],
    };
}
