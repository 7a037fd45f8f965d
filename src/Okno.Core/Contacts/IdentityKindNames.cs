namespace Okno.Core.Contacts;

public static class IdentityKindNames
{
    public static string ToWire(IdentityKind kind) => kind switch
    {
        IdentityKind.WhatsAppUser => "whatsapp_user",
        IdentityKind.WebChatVisitor => "webchat",
        IdentityKind.ClaimedPhone => "phone_unverified",
        IdentityKind.ClaimedEmail => "email_unverified",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The kind an unverified claim of <paramref name="kind"/> is stored as (phone → claimed phone…).</summary>
    public static IdentityKind Claimed(IdentityKind kind) => kind switch
    {
        IdentityKind.Phone => IdentityKind.ClaimedPhone,
        IdentityKind.Email => IdentityKind.ClaimedEmail,
        _ => kind,
    };

    /// <summary>The verified kind a claim would be if someone vouched for it.</summary>
    public static IdentityKind Verified(IdentityKind kind) => kind switch
    {
        IdentityKind.ClaimedPhone => IdentityKind.Phone,
        IdentityKind.ClaimedEmail => IdentityKind.Email,
        _ => kind,
    };

    public static bool IsClaim(IdentityKind kind) => kind is IdentityKind.ClaimedPhone or IdentityKind.ClaimedEmail;

    /// <summary>Kinds whose value is a phone (masked whole for roles that may not see phones).</summary>
    public static bool IsPhone(IdentityKind kind) => kind is IdentityKind.Phone or IdentityKind.ClaimedPhone;
}
