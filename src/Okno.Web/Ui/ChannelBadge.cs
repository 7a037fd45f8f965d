using Okno.Core.Channels;
using Okno.Core.Contacts;

namespace Okno.Web.Ui;

/// <summary>Short labels and colours of channels and identities for the small badges in lists and cards.</summary>
public static class ChannelBadge
{
    public static (string Label, string Css) Of(ChannelKind kind) => kind switch
    {
        ChannelKind.Telegram => ("TG", "ch-tg"),
        ChannelKind.WhatsAppCloud => ("WA", "ch-wa"),
        ChannelKind.WhatsAppGreenApi or ChannelKind.WhatsAppWaha => ("WA", "ch-wag"),
        ChannelKind.Vk => ("VK", "ch-vk"),
        ChannelKind.Max => ("MX", "ch-max"),
        ChannelKind.Email => ("@", "ch-mail"),
        ChannelKind.WebChat => ("W", "ch-web"),
        ChannelKind.Avito => ("AV", "ch-avito"),
        _ => ("?", ""),
    };

    public static string Title(ChannelKind kind) => kind switch
    {
        ChannelKind.Telegram => "Telegram",
        ChannelKind.WhatsAppCloud => "WhatsApp Cloud API",
        ChannelKind.WhatsAppGreenApi => "WhatsApp (Green-API)",
        ChannelKind.WhatsAppWaha => "WhatsApp (WAHA)",
        ChannelKind.Vk => "ВКонтакте",
        ChannelKind.Max => "MAX",
        ChannelKind.Email => "E-mail",
        ChannelKind.WebChat => "Чат на сайте",
        ChannelKind.Avito => "Авито",
        _ => kind.ToString(),
    };

    public static string Title(IdentityKind kind) => kind switch
    {
        IdentityKind.Phone => "Телефон",
        IdentityKind.Telegram => "Telegram",
        IdentityKind.Vk => "ВКонтакте",
        IdentityKind.Max => "MAX",
        IdentityKind.Email => "E-mail",
        IdentityKind.WhatsAppUser => "WhatsApp",
        IdentityKind.Avito => "Авито",
        IdentityKind.WebChatVisitor => "Чат на сайте",
        IdentityKind.ClaimedPhone => "Телефон (не подтверждён)",
        IdentityKind.ClaimedEmail => "E-mail (не подтверждён)",
        _ => kind.ToString(),
    };
}
