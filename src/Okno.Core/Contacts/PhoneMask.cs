using System.Text.RegularExpressions;

namespace Okno.Core.Contacts;

/// <summary>Hides a phone from roles that must not see it, keeping the last four digits to tell clients apart.</summary>
public static partial class PhoneMask
{
    public static string Mask(string e164)
    {
        var digits = e164.TrimStart('+');
        if (digits.Length < 6) return "***";
        var tail = digits[^4..];
        var country = digits.StartsWith('7') ? "7" : digits[..Math.Min(2, digits.Length - 4)];
        return $"+{country} *** ***-{tail[..2]}-{tail[2..]}";
    }

    /// <summary>Masks every phone-like run (10–15 digits with the usual separators) inside free text.</summary>
    public static string MaskInText(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        return PhoneLike().Replace(text, m =>
        {
            var digits = new string(m.Value.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length is < 10 or > 15) return m.Value;
            if (digits.Length == 11 && digits[0] == '8') digits = "7" + digits[1..];
            return Mask("+" + digits);
        });
    }

    [GeneratedRegex(@"\+?\d(?:[\s\-\(\)]{0,2}\d){9,14}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex PhoneLike();
}
