namespace Okno.Web.Ui;

/// <summary>Strings of the admin screens (kept apart from the inbox's so the two evolve without stepping on each other).</summary>
internal static class AdminTexts
{
    public static readonly Dictionary<string, (string Ru, string En)> All = new(StringComparer.Ordinal)
    {
        ["confirmDeleteChannel"] = ("Удалить канал «{0}»? Сообщения и история останутся, но новые сообщения через него приходить перестанут.",
            "Delete channel “{0}”? Its messages and history stay, but nothing new will arrive through it."),
        ["confirmDeleteScript"] = ("Удалить скрипт «{0}»?", "Delete script “{0}”?"),
        ["confirmRole"] = ("Сменить роль {0}: {1} → {2}?", "Change {0}'s role: {1} → {2}?"),
        ["confirmDeactivate"] = ("Отключить {0}? Сотрудник больше не сможет войти.", "Deactivate {0}? They will no longer be able to sign in."),
        ["confirm"] = ("Подтвердить", "Confirm"), ["yesDelete"] = ("Да, удалить", "Yes, delete"),
        ["required"] = ("обязательно", "required"), ["example"] = ("например", "e.g."),
        ["secretKept"] = ("Секрет сохранён; оставьте как есть или впишите новый.", "A secret is set; leave it or type a new one."),
        ["widgetCode"] = ("Код виджета для сайта", "Widget code for the site"),
        ["widgetCodeHint"] = ("Вставьте на страницы сайта перед </body>.", "Paste it into the site's pages before </body>."),
        ["preview"] = ("Открыть предпросмотр", "Open preview"), ["copied"] = ("Скопировано", "Copied"),
        ["setupSteps"] = ("Как подключить", "How to connect"), ["capabilities"] = ("Что умеет канал", "What the channel carries"),
        ["capText"] = ("текст до {0} символов", "text up to {0} characters"), ["capFilesOut"] = ("отправка файлов", "sends files"),
        ["capNoFilesOut"] = ("без отправки файлов", "no outgoing files"), ["capTemplates"] = ("шаблоны", "templates"),
        ["capWindow"] = ("свободный текст — {0} ч после сообщения клиента", "free text for {0} h after the client's message"),
        ["saved"] = ("Сохранено.", "Saved."),
        ["webhooks"] = ("Вебхуки", "Webhooks"),
        ["webhooksHint"] = ("События Okno уходят на адрес CRM или скрипта фирмы, подписанные по Standard Webhooks; при сбое повторяются больше суток.",
            "Okno's events go to the firm's CRM or script, signed per Standard Webhooks; failures are retried for more than a day."),
        ["webhookEvents"] = ("События", "Events"), ["webhookPhones"] = ("Передавать телефоны клиентов целиком", "Send clients' phones unmasked"),
        ["webhookWithPhones"] = ("с телефонами", "with phones"), ["webhookOn"] = ("включён", "on"), ["webhookOff"] = ("отключён", "off"),
        ["webhookSecretOnce"] = ("Секрет подписи (показан один раз, сохраните его в CRM):", "Signing secret (shown once, keep it in the CRM):"),
        ["webhookConfirmDelete"] = ("Удалить получателя вместе с журналом доставок?", "Delete the endpoint with its delivery log?"),
        ["webhookDeliveries"] = ("Журнал доставок", "Delivery log"), ["webhookWhen"] = ("Когда", "When"), ["webhookEvent"] = ("Событие", "Event"),
        ["webhookAttempts"] = ("Попыток", "Attempts"), ["webhookNext"] = ("следующая:", "next:"), ["webhookReplay"] = ("Отправить снова", "Send again"),
        ["delivery_pending"] = ("ждёт", "pending"), ["delivery_delivered"] = ("доставлено", "delivered"), ["delivery_failed"] = ("не доставлено", "failed"),
    };
}
