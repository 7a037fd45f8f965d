using System.Globalization;
using System.Text;
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

    /// <summary>
    /// Masks every phone-like run (10–15 digits with separators such as spaces, dashes, dots, slashes and brackets)
    /// inside free text. The text is folded first — invisible format characters (zero-width spaces, joiners) dropped,
    /// any Unicode digit and the compatibility forms of <c>+ - ( ) . /</c> (full-width and the like) turned to ASCII —
    /// so a number cannot slip past the pattern by looking different from what a person reads.
    /// </summary>
    public static string MaskInText(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var folded = Fold(text);
        return PhoneLike().Replace(folded, m =>
        {
            var digits = new string(m.Value.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length is < 10 or > 15) return m.Value;
            if (digits.Length == 11 && digits[0] == '8') digits = "7" + digits[1..];
            return Mask("+" + digits);
        });
    }

    /// <summary>True when the text holds something that <see cref="MaskInText"/> would hide.</summary>
    public static bool ContainsPhone(string? text) => !string.IsNullOrEmpty(text) && MaskInText(text) != Fold(text);

    /// <summary>
    /// Drops format characters (Unicode Cf: U+200B…U+200F, U+2060, U+FEFF…) and turns digits and the phone punctuation
    /// in their compatibility forms (NFKC) into ASCII; every other character is left as written (so «№» stays «№»).
    /// </summary>
    public static string Fold(string text)
    {
        if (text.All(c => c < 0x80)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.Format) continue;
            if (rune.Value >= 0x80 && category == UnicodeCategory.DecimalDigitNumber)
            {
                sb.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
                continue;
            }
            if (rune.Value >= 0x80 && rune.ToString().Normalize(NormalizationForm.FormKC) is [var ascii] && "+-()./ ".Contains(ascii, StringComparison.Ordinal))
            {
                sb.Append(ascii);
                continue;
            }
            sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"\+?\d(?:[\s\-\(\)\./\u2010-\u2015\u2212]{0,4}\d){9,14}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex PhoneLike();
}
