using Okno.Core.Contacts;
using Okno.Web.Auth;

namespace Okno.Web.Conversations;

/// <summary>Phone masking for free text shown to roles that must not see clients' numbers.</summary>
public static class Masking
{
    public static string? Text(string? text, CurrentUser user) =>
        text is null || user.SeesPhones ? text : PhoneMask.MaskInText(text);

    /// <summary>
    /// An identity's value as this user may see it: a phone masked whole; any other kind (an e-mail whose local part is a
    /// phone, a WhatsApp id) with the phone-like runs in it masked.
    /// </summary>
    public static string Identity(IdentityKind kind, string value, CurrentUser user) =>
        user.SeesPhones ? value : IdentityKindNames.IsPhone(kind) ? PhoneMask.Mask(value) : PhoneMask.MaskInText(value);

    /// <summary>
    /// A platform's message id, only for roles that see phones: Green-API and WAHA ids carry the phone
    /// (<c>79035554411@c.us_…</c>) and a Cloud <c>wamid</c> is base64 of it, so no masking of the text would be enough.
    /// </summary>
    public static string? PlatformId(string? id, CurrentUser user) => user.SeesPhones ? id : null;

    /// <summary>For live events, which go to a group of mixed roles: masked for everyone (the API gives the full text).</summary>
    public static string? ForEveryone(string? text) => text is null ? null : PhoneMask.MaskInText(text);
}
