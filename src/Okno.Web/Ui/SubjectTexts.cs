namespace Okno.Web.Ui;

/// <summary>Strings of data-subject requests on the contact card and the court export (docs/decisions/0024).</summary>
internal static class SubjectTexts
{
    public static readonly Dictionary<string, (string Ru, string En)> All = new(StringComparer.Ordinal)
    {
        ["consents"] = ("Согласия на обработку ПД", "Consents to data processing"),
        ["consentsNone"] = ("Согласий в реестре нет.", "No consents in the register."),
        ["consentGiven"] = ("дано", "given"), ["consentWithdrawn"] = ("отозвано", "withdrawn"),
        ["consentWithdraw"] = ("Отозвать", "Withdraw"),
        ["consentWithdrawQ"] = ("Клиент отзывает согласие от {0}?", "The client withdraws the consent of {0}?"),
        ["consentWithdrawYes"] = ("Да, отозвать", "Yes, withdraw"),
        ["subjectData"] = ("Данные клиента (152-ФЗ)", "Client's data (152-FZ)"),
        ["subjectExport"] = ("Выгрузить данные клиента", "Export the client's data"),
        ["subjectErase"] = ("Удалить данные клиента", "Erase the client's data"),
        ["subjectEraseQ"] = ("Будут удалены безвозвратно: имя, адреса и идентификаторы ({0}), заметки и метки, тексты и файлы всех обращений — обращений {1}, сообщений {2}, файлов {3}. Останутся обезличенные записи для отчётов: обращения, число сообщений, время и исход.",
            "This erases for good: the name, addresses and identifiers ({0}), notes and labels, the texts and files of every conversation — {1} conversation(s), {2} message(s), {3} file(s). Kept without identity for reports: the conversations, message counts, times and outcome."),
        ["subjectEraseYes"] = ("Удалить безвозвратно", "Erase for good"),
        ["subjectErased"] = ("Данные клиента удалены по его запросу {0}.", "The client's data was erased on their request on {0}."),
        ["subjectEraseDone"] = ("Готово: удалено сообщений — {0}, файлов — {1}.", "Done: {0} message(s) and {1} file(s) erased."),
        ["courtExport"] = ("Экспорт для суда", "Export for court"),
        ["courtExportHint"] = ("ZIP: переписка, файлы с SHA-256 и подписанный манифест", "ZIP: the conversation, files with SHA-256 and a signed manifest"),
    };
}
