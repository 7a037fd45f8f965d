using Okno.Core.Channels;
using Okno.Core.Contacts;

namespace Okno.Web.Ui;

/// <summary>Short labels and colours of channels (from each kind's descriptor) and titles of identities.</summary>
public static class ChannelBadge
{
    /// <summary>The badge text and its CSS class (the colours come from the descriptors: /ui/channel-kinds.css).</summary>
    public static (string Label, string Css) Of(ChannelKind kind) => kind.Describe() is var d ? (d.Badge, "ch-" + d.WireName) : default;

    public static string Title(ChannelKind kind) => kind.Describe().Title;

    public static string Title(IdentityKind kind, bool english = false) => english ? English(kind) : kind switch
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

    private static string English(IdentityKind kind) => kind switch
    {
        IdentityKind.Phone => "Phone",
        IdentityKind.Vk => "VK",
        IdentityKind.Avito => "Avito",
        IdentityKind.WebChatVisitor => "Site chat",
        IdentityKind.ClaimedPhone => "Phone (unverified)",
        IdentityKind.ClaimedEmail => "E-mail (unverified)",
        _ => Title(kind),
    };

    /// <summary>The title of an identity kind given by its API name (<see cref="IdentityKindNames.ToWire"/>).</summary>
    public static string Title(string wire, bool english) =>
        Enum.GetValues<IdentityKind>().Where(k => IdentityKindNames.ToWire(k) == wire).Select(k => Title(k, english)).FirstOrDefault() ?? wire;
}
