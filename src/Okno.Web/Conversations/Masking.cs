using Okno.Core.Contacts;
using Okno.Web.Auth;

namespace Okno.Web.Conversations;

/// <summary>Phone masking for free text shown to roles that must not see clients' numbers.</summary>
public static class Masking
{
    public static string? Text(string? text, CurrentUser user) =>
        text is null || user.SeesPhones ? text : PhoneMask.MaskInText(text);
}
