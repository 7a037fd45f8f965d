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
        ["tfaTitle"] = ("Код подтверждения", "Verification code"),
        ["tfaHint"] = ("Введите шестизначный код из приложения-аутентификатора или один из кодов восстановления.", "Enter the six-digit code from your authenticator app or one of your recovery codes."),
        ["tfaCode"] = ("Код", "Code"), ["tfaBack"] = ("← Другой пользователь", "← Another user"),
        ["tfa"] = ("Двухфакторный вход", "Two-factor sign-in"),
        ["tfaOff"] = ("Выключен. Включите, чтобы для входа кроме пароля нужен был код из приложения (Яндекс Ключ, Google Authenticator, Aegis и др.).",
            "Off. Turn it on so that signing in needs a code from an app (Google Authenticator, Aegis, …) besides the password."),
        ["tfaOn"] = ("Включён. Осталось кодов восстановления: {0}.", "On. Recovery codes left: {0}."),
        ["tfaRequired"] = ("Администратор требует двухфакторный вход для вашей роли: включите его, чтобы продолжить работу.", "Your administrator requires two-factor sign-in for your role: turn it on to continue."),
        ["tfaStart"] = ("Включить", "Turn on"), ["tfaScan"] = ("Отсканируйте QR-код приложением или введите ключ вручную, затем введите код из приложения.", "Scan the QR code with the app or type the key, then enter the app's code."),
        ["tfaKey"] = ("Ключ", "Key"), ["tfaConfirm"] = ("Подтвердить", "Confirm"),
        ["tfaCodesHint"] = ("Коды восстановления — каждый действует один раз. Сохраните их: показываем только сейчас.", "Recovery codes work once each. Save them: they are shown only now."),
        ["tfaDisable"] = ("Выключить", "Turn off"), ["tfaRenew"] = ("Новые коды восстановления", "New recovery codes"),
        ["tfaPolicy"] = ("Двухфакторный вход обязателен для ролей", "Two-factor sign-in required for roles"),
    };
}
