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
    };
}
