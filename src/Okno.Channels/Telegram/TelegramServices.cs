using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Channels;

namespace Okno.Channels.Telegram;

public static class TelegramServices
{
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services)
    {
        ChannelKinds.Register(TelegramChannel.Descriptor);
        services.AddHttpClient("telegram", c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient("telegram-polling", c => c.Timeout = TelegramConnector.LongPoll + TimeSpan.FromSeconds(15));
        services.AddSingleton<IChannelConnector, TelegramConnector>();
        return services;
    }
}
