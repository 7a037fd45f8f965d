namespace Okno.Core.Contacts;

public enum IdentityKind
{
    Phone,
    Telegram,
    Vk,
    Max,
    Email,
    WhatsAppUser,
    Avito,
    WebChatVisitor,
}
