namespace Okno.Core.Contacts;

/// <summary>Hides a phone from roles that must not see it, keeping the last four digits to tell clients apart.</summary>
public static class PhoneMask
{
    public static string Mask(string e164)
    {
        var digits = e164.TrimStart('+');
        if (digits.Length < 6) return "***";
        var tail = digits[^4..];
        var country = digits.StartsWith('7') ? "7" : digits[..Math.Min(2, digits.Length - 4)];
        return $"+{country} *** ***-{tail[..2]}-{tail[2..]}";
    }
}
