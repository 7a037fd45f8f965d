using Microsoft.Extensions.DependencyInjection;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Waha;

public static class WahaServices
{
    public static IServiceCollection AddWahaChannel(this IServiceCollection services)
    {
        ChannelKinds.Register(WahaChannel.Descriptor);
        services.AddHttpClient(WahaConnector.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddMediaFetcher();
        services.AddSingleton<IChannelConnector, WahaConnector>();
        return services;
    }
}
