using Microsoft.Extensions.DependencyInjection;
using Okno.Channels.Telegram;
using Okno.Core.Channels;

namespace Okno.Channels;

public static class ChannelsServices
{
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services)
    {
        services.AddHttpClient("telegram", c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient("telegram-polling", c => c.Timeout = TelegramConnector.LongPoll + TimeSpan.FromSeconds(15));
        services.AddSingleton<IChannelConnector, TelegramConnector>();
        return services;
    }
}
