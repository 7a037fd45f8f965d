using Microsoft.Extensions.DependencyInjection;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Avito;

public static class AvitoServices
{
    public static IServiceCollection AddAvitoChannel(this IServiceCollection services)
    {
        ChannelKinds.Register(AvitoChannel.Descriptor);
        services.AddHttpClient("avito", c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<AvitoTokens>();
        services.AddMediaFetcher();
        services.AddSingleton<IChannelConnector, AvitoConnector>();
        return services;
    }
}
