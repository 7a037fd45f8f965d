using Okno.Channels.WebChat;
using Okno.Core.Channels;

namespace Okno.Web.Widget;

/// <summary>The web-chat channel a widget request is for, resolved (and its Origin checked) by <see cref="WidgetCors"/>.</summary>
public sealed record WidgetChannel(ChannelDirectory.Entry Entry, WebChatSettings Settings)
{
    private const string ItemKey = "okno.widget.channel";

    public Guid Id => Entry.Ref.Id;

    public static WidgetChannel Of(HttpContext ctx) => (WidgetChannel)ctx.Items[ItemKey]!;

    internal void Attach(HttpContext ctx) => ctx.Items[ItemKey] = this;
}
