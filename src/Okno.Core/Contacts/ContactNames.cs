namespace Okno.Core.Contacts;

/// <summary>Rules about a contact's name as roles that may not see phones see it.</summary>
public static class ContactNames
{
    /// <summary>
    /// True when someone who sees the name masked sends back exactly what they were shown: saving it would replace the
    /// real name (with the phone in it) by its mask, so it is taken as "no change".
    /// </summary>
    public static bool IsUnchangedMask(string? realName, string? submitted, bool seesPhones, bool masksEmails = false) =>
        (!seesPhones || masksEmails) && realName is not null && submitted is not null
        && !string.Equals(realName, submitted.Trim(), StringComparison.Ordinal)
        && string.Equals(Shown(realName, seesPhones, masksEmails), submitted.Trim(), StringComparison.Ordinal);

    private static string Shown(string name, bool seesPhones, bool masksEmails)
    {
        var shown = seesPhones ? name : PhoneMask.MaskInText(name);
        return masksEmails ? EmailMask.MaskInText(shown) : shown;
    }
}
