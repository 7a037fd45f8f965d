using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Channels;

namespace Okno.Channels.WebChat;

public static class WebChatServices
{
    public static IServiceCollection AddWebChatChannel(this IServiceCollection services)
    {
        ChannelKinds.Register(WebChatChannel.Descriptor);
        services.AddSingleton<WebChatSignals>();
        services.AddSingleton<IChannelConnector, WebChatConnector>();
        return services;
    }
}
