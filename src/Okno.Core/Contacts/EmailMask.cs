using System.Text.RegularExpressions;

namespace Okno.Core.Contacts;

/// <summary>
/// Hides an e-mail address from roles the administrator set to see them masked: «i***@y***.ru» keeps the first letters
/// and the top-level domain, enough to tell two clients apart, not enough to write to them.
/// </summary>
public static partial class EmailMask
{
    public static string Mask(string email)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1) return "***";
        var (local, domain) = (email[..at], email[(at + 1)..]);
        var dot = domain.LastIndexOf('.');
        var tld = dot > 0 ? domain[dot..] : "";
        return $"{local[0]}***@{domain[0]}***{tld}";
    }

    /// <summary>Masks every address-like run in free text (the text is folded first, as for phones).</summary>
    public static string MaskInText(string text) =>
        string.IsNullOrEmpty(text) || !text.Contains('@') ? text : EmailLike().Replace(PhoneMask.Fold(text), m => Mask(m.Value));

    public static bool ContainsEmail(string? text) => !string.IsNullOrEmpty(text) && EmailLike().IsMatch(PhoneMask.Fold(text));

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(\.[\p{L}\p{N}\-]+)+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailLike();
}
