using Okno.Channels.Avito;
using Okno.Channels.Email;
using Okno.Channels.GreenApi;
using Okno.Channels.Max;
using Okno.Channels.Telegram;
using Okno.Channels.Vk;
using Okno.Channels.Waha;
using Okno.Channels.WebChat;
using Okno.Channels.WhatsAppCloud;

namespace Okno.Web.Channels;

public static class ChannelsSetup
{
    /// <summary>Every connector, one line each, and the service that runs the pulling ones.</summary>
    public static void AddChannels(this WebApplicationBuilder builder)
    {
        builder.Services.AddTelegramChannel();
        builder.Services.AddWhatsAppCloudChannel();
        builder.Services.AddGreenApiChannel();
        builder.Services.AddWahaChannel();
        builder.Services.AddVkChannel();
        builder.Services.AddMaxChannel();
        builder.Services.AddEmailChannel();
        builder.Services.AddWebChatChannel();
        builder.Services.AddAvitoChannel();
        builder.Services.AddScoped<ChannelQueries>();
        builder.Services.AddScoped<ChannelSetUp>();
        builder.Services.AddScoped<CreateChannel>();
        builder.Services.AddScoped<UpdateChannel>();
        builder.Services.AddScoped<DeleteChannel>();
        builder.Services.AddSingleton<ChannelPollingService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChannelPollingService>());
    }
}
