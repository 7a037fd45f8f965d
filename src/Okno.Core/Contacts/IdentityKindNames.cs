namespace Okno.Core.Contacts;

public static class IdentityKindNames
{
    public static string ToWire(IdentityKind kind) => kind switch
    {
        IdentityKind.WhatsAppUser => "whatsapp_user",
        IdentityKind.WebChatVisitor => "webchat",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
