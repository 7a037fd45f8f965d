using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Channels;

namespace Okno.Channels.WhatsAppCloud;

public static class WhatsAppCloudServices
{
    public static IServiceCollection AddWhatsAppCloudChannel(this IServiceCollection services)
    {
        ChannelKinds.Register(WhatsAppCloudChannel.Descriptor);
        services.AddHttpClient(WhatsAppCloudConnector.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<IChannelConnector, WhatsAppCloudConnector>();
        return services;
    }
}
