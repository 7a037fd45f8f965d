using Microsoft.Extensions.DependencyInjection;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Max;

public static class MaxServices
{
    public static IServiceCollection AddMaxChannel(this IServiceCollection services)
    {
        ChannelKinds.Register(MaxChannel.Descriptor);
        services.AddHttpClient("max", c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddMediaFetcher();
        services.AddSingleton<IChannelConnector, MaxConnector>();
        return services;
    }
}
