using PhoneNumbers;

namespace Okno.Core.Contacts;

/// <summary>Turns what a platform says about a sender into the one value we store for it.</summary>
public static class IdentityNormalizer
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <returns>The normalized value, or null when the input is not a valid value of that kind.</returns>
    public static string? Normalize(IdentityKind kind, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var value = raw.Trim();
        return kind switch
        {
            IdentityKind.Phone or IdentityKind.ClaimedPhone => NormalizePhone(value),
            IdentityKind.Email or IdentityKind.ClaimedEmail => value.Contains('@', StringComparison.Ordinal) ? value.ToLowerInvariant() : null,
            _ => value,
        };
    }

    /// <summary>E.164 with RU as the default region: 89161234567, +7 916 123-45-67 and 79161234567 are one.</summary>
    public static string? NormalizePhone(string raw)
    {
        var digits = new string(raw.Where(c => char.IsDigit(c) || c == '+').ToArray());
        if (digits.Length < 5) return null;
        try
        {
            // WhatsApp and most gateways give the number without '+': read an 11+ digit number
            // that does not start with 8 as international.
            var candidate = !digits.StartsWith('+') && digits.Length >= 11 && !digits.StartsWith('8') ? "+" + digits : digits;
            var number = Phones.Parse(candidate, "RU");
            if (!Phones.IsPossibleNumber(number)) return null;
            return Phones.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
