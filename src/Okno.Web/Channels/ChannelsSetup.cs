using Okno.Channels.Email;
using Okno.Channels.Telegram;

namespace Okno.Web.Channels;

public static class ChannelsSetup
{
    /// <summary>Every connector, one line each, and the service that runs the pulling ones.</summary>
    public static void AddChannels(this WebApplicationBuilder builder)
    {
        builder.Services.AddTelegramChannel();
        builder.Services.AddEmailChannel();
        builder.Services.AddSingleton<ChannelPollingService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChannelPollingService>());
    }
}
