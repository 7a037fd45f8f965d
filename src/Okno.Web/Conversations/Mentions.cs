namespace Okno.Web.Conversations;

/// <summary>@mentions in notes: "@Анна", "@Анна Петрова" or "@anna" (the e-mail's local part), case-insensitive.</summary>
public static class Mentions
{
    public static bool Contains(string text, string userName, string email)
    {
        var local = email.Split('@')[0];
        var first = userName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? userName;
        return Has(text, userName) || Has(text, first) || Has(text, local);
    }

    private static bool Has(string text, string name)
    {
        if (name.Length == 0) return false;
        var at = 0;
        while ((at = text.IndexOf("@" + name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = at + 1 + name.Length;
            if (end >= text.Length || !char.IsLetterOrDigit(text[end])) return true;
            at = end;
        }
        return false;
    }
}
