using Microsoft.Extensions.DependencyInjection;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Vk;

public static class VkServices
{
    public static IServiceCollection AddVkChannel(this IServiceCollection services)
    {
        ChannelKinds.Register(VkChannel.Descriptor);
        services.AddHttpClient("vk", c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddMediaFetcher();
        services.AddSingleton<IChannelConnector, VkConnector>();
        return services;
    }
}
