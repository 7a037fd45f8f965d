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
    /// <summary>A phone someone typed (the widget's pre-chat form) that nobody vouched for: never joins a contact by itself.</summary>
    ClaimedPhone,
    /// <summary>An e-mail address typed in the widget, or a letter's From: that no DKIM/DMARC result of ours confirmed.</summary>
    ClaimedEmail,
}
