namespace Okno.Web.Ui;

/// <summary>Strings of the audit and privacy screens.</summary>
internal static class PrivacyTexts
{
    public static readonly Dictionary<string, (string Ru, string En)> All = new(StringComparer.Ordinal)
    {
        ["audit"] = ("Журнал доступа", "Audit log"),
        ["auditHint"] = ("Кто, когда и откуда открывал переписки и карточки, входил, выгружал и менял. Записи нельзя изменить или удалить; проверка цепочки найдёт правку в базе.",
            "Who opened conversations and cards, signed in, exported and changed what, when and from where. Entries cannot be changed or deleted; the chain check finds an edit made in the database."),
        ["auditUser"] = ("Сотрудник", "User"), ["auditObjectType"] = ("Объект", "Object"), ["auditObjectId"] = ("№ объекта", "Object id"),
        ["auditFrom"] = ("С", "From"), ["auditTo"] = ("По", "To"), ["auditAction"] = ("Действие", "Action"), ["auditAt"] = ("Когда", "When"),
        ["auditIp"] = ("IP", "IP"), ["auditAny"] = ("все", "any"), ["auditApply"] = ("Показать", "Show"), ["auditCsv"] = ("Скачать CSV", "Download CSV"),
        ["auditMore"] = ("Ещё", "More"), ["auditVerify"] = ("Проверить цепочку", "Verify the chain"),
        ["auditOk"] = ("Цепочка цела: {0} записей.", "The chain is whole: {0} entries."),
        ["auditBroken"] = ("Цепочка нарушена на записи №{0} (проверено {1}).", "The chain is broken at entry #{0} ({1} checked)."),
        ["auditEmpty"] = ("Записей нет.", "No entries."),
        ["whoOpened"] = ("Кто открывал", "Who opened this"), ["whoOpenedNone"] = ("Пока никто.", "Nobody yet."),
        ["readOnly"] = ("Только чтение: роль «контроль качества».", "Read-only: the quality-control role."),
        ["roleQc"] = ("контроль качества", "quality control"),
        ["anonymous"] = ("не вошёл", "not signed in"),
    };
}
