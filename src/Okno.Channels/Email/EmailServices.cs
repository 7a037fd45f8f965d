using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Channels;

namespace Okno.Channels.Email;

public static class EmailServices
{
    public static IServiceCollection AddEmailChannel(this IServiceCollection services)
    {
        ChannelKinds.Register(EmailChannel.Descriptor);
        services.AddSingleton<IChannelConnector, EmailConnector>();
        return services;
    }
}
