namespace Okno.Core.Conversations;

/// <summary>
/// Enough Russian grammar for the timeline's system lines: «передала Ивану Петрову», «уже у Ольги Смирновой».
/// Names that are not "first name + surname" in Cyrillic are left as they are; the verb then says «передал(а)».
/// </summary>
public static class RussianNames
{
    public enum Case { Genitive, Dative }

    private static readonly HashSet<string> MaleOnA = new(StringComparer.OrdinalIgnoreCase) { "Никита", "Илья", "Кузьма", "Фома", "Лука", "Савва", "Данила", "Гаврила", "Фока" };

    /// <summary>True for a woman, false for a man, null when the name does not say.</summary>
    public static bool? IsFemale(string name)
    {
        var first = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is null || !IsCyrillic(first)) return null;
        if (MaleOnA.Contains(first)) return false;
        return first.EndsWith('а') || first.EndsWith('я') || first is "Любовь" or "Нинель";
    }

    /// <summary>"передал" → "передала" / "передал" / "передал(а)" by the name's gender.</summary>
    public static string Verb(string name, string masculine) => IsFemale(name) switch
    {
        true => masculine + "а",
        false => masculine,
        null => masculine + "(а)",
    };

    public static string Decline(string name, Case @case)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 3 || !parts.All(IsCyrillic)) return name;
        var female = IsFemale(name) == true;
        var result = new string[parts.Length];
        result[0] = First(parts[0], female, @case);
        for (var i = 1; i < parts.Length; i++) result[i] = Surname(parts[i], female, @case);
        return string.Join(' ', result);
    }

    private static bool IsCyrillic(string word) => word.All(ch => ch is (>= 'А' and <= 'я') or 'ё' or 'Ё' or '-');

    private static string First(string w, bool female, Case c)
    {
        var dat = c == Case.Dative;
        if (w.EndsWith("ия")) return w[..^1] + "и";                                 // Мария → Марии (both cases)
        if (w.EndsWith('а')) return w[..^1] + (dat ? "е" : AfterVelar(w[^2]) ? "и" : "ы"); // Ольга → Ольге / Ольги
        if (w.EndsWith('я')) return w[..^1] + (dat ? "е" : "и");                    // Таня, Илья
        if (female) return w.EndsWith('ь') ? w[..^1] + "и" : w;                     // Любовь → Любови
        if (w.EndsWith('й') || w.EndsWith('ь')) return w[..^1] + (dat ? "ю" : "я"); // Андрей, Игорь
        if (w.EndsWith('о') || w.EndsWith('е') || w.EndsWith('и') || w.EndsWith('у') || w.EndsWith('ю')) return w;
        return w + (dat ? "у" : "а");                                               // Иван → Ивану / Ивана
    }

    private static string Surname(string w, bool female, Case c)
    {
        var dat = c == Case.Dative;
        if (female)
        {
            if (w.EndsWith("ова") || w.EndsWith("ева") || w.EndsWith("ёва") || w.EndsWith("ина") || w.EndsWith("ына")) return w[..^1] + "ой";
            if (w.EndsWith("ая")) return w[..^2] + "ой";                                  // Толстая → Толстой
            if (w.EndsWith("яя")) return w[..^2] + "ей";
            return w;
        }
        if (w.EndsWith("ский") || w.EndsWith("цкий")) return w[..^2] + (dat ? "ому" : "ого");
        if (w.EndsWith("ый") || w.EndsWith("ой")) return w[..^2] + (dat ? "ому" : "ого");
        if (w.EndsWith("ий")) return w[..^2] + (dat ? "ему" : "его");
        if (w.EndsWith("ых") || w.EndsWith("их") || w.EndsWith("ко") || w.EndsWith('о') || w.EndsWith('е') || w.EndsWith('и') || w.EndsWith('у')) return w;
        if (w.EndsWith('а')) return w[..^1] + (dat ? "е" : AfterVelar(w[^2]) ? "и" : "ы");
        if (w.EndsWith('й') || w.EndsWith('ь')) return w[..^1] + (dat ? "ю" : "я");
        return w + (dat ? "у" : "а");
    }

    private static bool AfterVelar(char ch) => ch is 'г' or 'к' or 'х' or 'ж' or 'ш' or 'ч' or 'щ';
}
