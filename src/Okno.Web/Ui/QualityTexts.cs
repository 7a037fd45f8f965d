namespace Okno.Web.Ui;

/// <summary>The strings of the firm's script and policy: the reply box's warning and the admin screen.</summary>
internal static class QualityTexts
{
    public static readonly Dictionary<string, (string Ru, string En)> All = new(StringComparer.Ordinal)
    {
        ["qualityWarn"] = ("Ответ расходится с правилами фирмы:", "This reply goes against the firm's rules:"),
        ["qualityBlocked"] = ("Так отправить нельзя — правила фирмы:", "This can't be sent — the firm's rules:"),
        ["qualitySendAnyway"] = ("Отправить всё равно", "Send anyway"),
        ["qualityEdit"] = ("Исправить", "Edit"),
        ["qualityAnywayNote"] = ("Нарушение будет записано в обращении.", "The breach is recorded on the conversation."),
        ["qualityPolicy"] = ("Правила ответов", "Reply rules"),
        ["qualityPolicyHint"] = ("Каждое сообщение сотрудника проверяется: слова сравниваются в любой форме и регистре, «ё» = «е», фраза — целыми словами подряд. Нарушения видны оператору до отправки, записываются в обращении и считаются в отчётах.",
            "Every staff message is checked: words match in any form and case, a phrase as whole words in order. Operators see breaches before sending; they are recorded on the conversation and counted in reports."),
        ["qualityGreeting"] = ("Первый ответ начинается с приветствия", "The first reply greets the client"),
        ["qualityRequired"] = ("Обязательные фразы в первом ответе (по одной в строке)", "Required phrases in the first reply (one per line)"),
        ["qualityForbidden"] = ("Запрещённые фразы (по одной в строке)", "Forbidden phrases (one per line)"),
        ["qualityPhones"] = ("Запретить номера телефонов в сообщениях (личные контакты)", "Forbid phone numbers in messages (personal contacts)"),
        ["qualityBlock"] = ("Не отправлять сообщение с нарушением (иначе — предупреждение)", "Don't send a message that breaks a rule (otherwise warn)"),
        ["qualityMaxFirst"] = ("Норма первого ответа, минут (пусто — без нормы)", "First response norm, minutes (empty — none)"),
        ["qualitySaved"] = ("Правила сохранены", "Rules saved"),
        ["qualityByOperator"] = ("Нарушения за 30 дней", "Breaches in the last 30 days"),
        ["qualityNone"] = ("Нарушений нет", "No breaches"),
        ["qualityOperator"] = ("Сотрудник", "Staff member"), ["qualityCount"] = ("Нарушений", "Breaches"), ["qualitySentAnyway"] = ("Отправлено вопреки предупреждению", "Sent despite the warning"),
    };
}
