namespace Okno.Web.Ui;

/// <summary>The strings of the rules screen (/admin/rules).</summary>
internal static class RulesTexts
{
    public static readonly Dictionary<string, (string Ru, string En)> All = new(StringComparer.Ordinal)
    {
        ["rules"] = ("Автоматизация", "Automation"),
        ["rulesHint"] = ("Правила работают одинаково для всех каналов: событие → условия → действия. Выполняются по порядку, после того как сообщение сохранено; каждое срабатывание — в журнале с причиной.",
            "Rules work the same for every channel: event → conditions → actions. They run in order, after the message is stored; each firing is logged with the reason."),
        ["rulesPresets"] = ("Готовые автоответы", "Ready auto-replies"),
        ["rulesNew"] = ("Новое правило", "New rule"),
        ["rulesNone"] = ("Правил пока нет. Добавьте готовый автоответ или создайте правило.", "No rules yet. Add a ready auto-reply or create a rule."),
        ["rulesOrder"] = ("Порядок", "Order"), ["rulesName"] = ("Название", "Name"), ["rulesEvent"] = ("Когда", "When"),
        ["rulesOn"] = ("Включено", "Enabled"), ["rulesUp"] = ("Выше", "Up"), ["rulesDown"] = ("Ниже", "Down"),
        ["rulesEdit"] = ("Изменить", "Edit"), ["rulesLog"] = ("Журнал", "Log"), ["rulesSave"] = ("Сохранить правило", "Save rule"),
        ["rulesSaved"] = ("Правило сохранено", "Rule saved"), ["rulesConfirmDelete"] = ("Удалить правило и его журнал?", "Delete the rule and its log?"),
        ["rulesAfter"] = ("Через сколько минут", "After how many minutes"),
        ["rulesSchedule"] = ("Расписание (cron: минуты часы день месяц день недели, например «0 9 * * 1-5»)", "Schedule (cron, e.g. \"0 9 * * 1-5\")"),
        ["rulesBusinessOnly"] = ("Только в рабочее время", "Business hours only"),
        ["rulesConditions"] = ("Условия (все должны выполняться)", "Conditions (all must hold)"),
        ["rulesNoConditions"] = ("Без условий — при каждом событии.", "No conditions — on every event."),
        ["rulesAddCondition"] = ("+ условие", "+ condition"), ["rulesActions"] = ("Действия (по порядку)", "Actions (in order)"),
        ["rulesAddAction"] = ("+ действие", "+ action"), ["rulesRemove"] = ("Убрать", "Remove"),
        ["rulesValue"] = ("Значение", "Value"), ["rulesYes"] = ("да", "yes"), ["rulesNo"] = ("нет", "no"),
        ["rulesValueList"] = ("через запятую", "comma-separated"),
        ["rulesTest"] = ("Проверить на примере", "Test on a sample"),
        ["rulesTestHint"] = ("Ничего не отправляется и не меняется: только ответ, сработало бы правило или нет, и почему.", "Nothing is sent or changed: only whether the rule would fire, and why."),
        ["rulesSample"] = ("Текст сообщения клиента", "The client's message"), ["rulesSampleChannel"] = ("Канал", "Channel"),
        ["rulesSampleFiles"] = ("С файлом", "With a file"), ["rulesSampleClosed"] = ("В нерабочее время", "Out of hours"),
        ["rulesSampleReturning"] = ("Клиент обращался раньше", "Returning client"),
        ["rulesRunTest"] = ("Проверить", "Test"), ["rulesWouldFire"] = ("Сработает", "Would fire"), ["rulesWouldNot"] = ("Не сработает", "Would not fire"),
        ["rulesWhen"] = ("Когда", "When"), ["rulesConversation"] = ("Обращение", "Request"), ["rulesWhy"] = ("Почему", "Why"),
        ["rulesDone"] = ("Что сделано", "What was done"), ["rulesLogEmpty"] = ("Правило ещё не срабатывало.", "The rule has not fired yet."),
        ["rulesCapped"] = ("остановлено лимитом", "stopped by the cap"),
        ["rulesText"] = ("Текст ({client_name} — имя клиента, {operator_name} — ответственный)", "Text ({client_name}, {operator_name})"),
        ["rulesLabel"] = ("Метка", "Label"), ["rulesTeam"] = ("Команда", "Team"), ["rulesUser"] = ("Сотрудник", "Staff member"),
        ["rulesUsers"] = ("Кому (id сотрудников через запятую)", "To (staff ids, comma-separated)"),
        ["rulesMinutes"] = ("На сколько минут", "For how many minutes"), ["rulesEndpoint"] = ("Получатель вебхуков", "Webhook endpoint"),
        ["rulesTemplateName"] = ("Имя шаблона WhatsApp", "WhatsApp template name"), ["rulesTemplateLanguage"] = ("Язык шаблона (ru, en_US)", "Template language"),
        ["rulesPracticeArea"] = ("Отрасль права", "Practice area"), ["rulesBot"] = ("Сценарий бота (id)", "Bot (id)"),
        ["rulesEveryTime"] = ("Отвечать при каждом срабатывании (иначе — один раз на обращение)", "Reply every time (otherwise once per request)"),
        ["rulesChoose"] = ("— выберите —", "— choose —"),
        // Action names (a type without a line here shows its own Title).
        ["action_assign_team"] = ("Передать в команду", "Assign to a team"), ["action_assign_user"] = ("Назначить сотрудника", "Assign to a person"),
        ["action_add_label"] = ("Добавить метку", "Add a label"), ["action_remove_label"] = ("Снять метку", "Remove a label"),
        ["action_set_practice_area"] = ("Указать отрасль права", "Set the practice area"), ["action_reply"] = ("Ответить клиенту", "Reply to the client"),
        ["action_send_template"] = ("Шаблон WhatsApp", "WhatsApp template"), ["action_add_note"] = ("Внутренняя заметка", "Internal note"),
        ["action_notify"] = ("Уведомить сотрудников", "Notify staff"), ["action_snooze"] = ("Отложить", "Snooze"),
        ["action_resolve"] = ("Закрыть обращение", "Resolve"), ["action_webhook"] = ("Отправить вебхук", "Send a webhook"),
        ["action_start_bot"] = ("Запустить бота", "Start the intake bot"),
    };
}
