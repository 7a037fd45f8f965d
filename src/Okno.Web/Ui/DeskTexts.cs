namespace Okno.Web.Ui;

/// <summary>Strings of the distribution desk: presence, queue and SLA in the list, the desk's admin screens, the board.</summary>
internal static class DeskTexts
{
    public static readonly Dictionary<string, (string Ru, string En)> All = new(StringComparer.Ordinal)
    {
        ["presenceIs"] = ("Статус", "Status"),
        ["presence_online"] = ("В сети", "Online"), ["presence_away"] = ("Отошёл", "Away"), ["presence_offline"] = ("Не в сети", "Offline"),
        ["presenceHint"] = ("«Отошёл» и «Не в сети» держатся, пока вы их не смените; новые обращения вам не распределяются.",
            "Away and Offline hold until you change them; no new requests are assigned to you."),
        ["slaOverdue"] = ("SLA просрочен на", "SLA overdue by"), ["slaBreached"] = ("SLA нарушен", "SLA breached"), ["slaDue"] = ("срок", "due"),
        ["sla_ok"] = ("SLA: в срок", "SLA: on time"), ["sla_at_risk"] = ("SLA: под угрозой — прошло больше 80 % срока", "SLA at risk: over 80 % of the time spent"),
        ["sla_breached"] = ("SLA нарушен", "SLA breached"),
        ["queuePos"] = ("№{0} в очереди", "#{0} in queue"), ["queueWait"] = ("ждёт", "waiting"), ["allTeams"] = ("Все отделы", "All teams"),
    };
}
