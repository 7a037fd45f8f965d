using Okno.Core.Contacts;
using Okno.Web.Auth;

namespace Okno.Web.Conversations;

/// <summary>
/// Masking for free text shown to roles that must not see clients' numbers (fixed per role) or e-mail addresses (set per
/// role by the administrator, <c>RolePolicy.MaskEmails</c>).
/// </summary>
public static class Masking
{
    public static string? Text(string? text, CurrentUser user)
    {
        if (text is null || user.SeesAddresses) return text;
        if (!user.SeesPhones) text = PhoneMask.MaskInText(text);
        return user.MasksEmails ? EmailMask.MaskInText(text) : text;
    }

    /// <summary>
    /// An identity's value as this user may see it: a phone (an e-mail, when e-mails are masked) masked whole; any other
    /// kind (an e-mail whose local part is a phone, a WhatsApp id) with the phone-like runs in it masked.
    /// </summary>
    public static string Identity(IdentityKind kind, string value, CurrentUser user) =>
        user.SeesAddresses ? value
            : user.MasksEmails && IsEmail(kind) ? EmailMask.Mask(value)
            : !user.SeesPhones && IdentityKindNames.IsPhone(kind) ? PhoneMask.Mask(value)
            : Text(value, user)!;

    public static bool IsEmail(IdentityKind kind) => kind is IdentityKind.Email or IdentityKind.ClaimedEmail;

    /// <summary>
    /// A platform's message id, only for roles that see phones and e-mails: Green-API and WAHA ids carry the phone
    /// (<c>79035554411@c.us_…</c>), a Cloud <c>wamid</c> is base64 of it and a letter's Message-ID may name its sender,
    /// so no masking of the text would be enough.
    /// </summary>
    public static string? PlatformId(string? id, CurrentUser user) => user.SeesAddresses ? id : null;

    /// <summary>For live events, which go to a group of mixed roles: masked for everyone (the API gives the full text).</summary>
    public static string? ForEveryone(string? text) => text is null ? null : EmailMask.MaskInText(PhoneMask.MaskInText(text));
}
