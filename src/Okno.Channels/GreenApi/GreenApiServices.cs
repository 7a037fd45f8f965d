using Microsoft.Extensions.DependencyInjection;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.GreenApi;

public static class GreenApiServices
{
    public static IServiceCollection AddGreenApiChannel(this IServiceCollection services)
    {
        ChannelKinds.Register(GreenApiChannel.Descriptor);
        services.AddHttpClient(GreenApiConnector.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<GreenApiPace>();
        services.AddMediaFetcher();
        services.AddSingleton<IChannelConnector, GreenApiConnector>();
        return services;
    }
}
