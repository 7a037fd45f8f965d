using Okno.Core.Channels;

namespace Okno.Channels.Avito;

/// <summary>What an Avito Messenger channel is: settings, set-up steps, capabilities.</summary>
public static class AvitoChannel
{
    public static readonly ChannelDescriptor Descriptor = new(
        ChannelKind.Avito, "avito", "Авито", "Avito", "AV", "#c2262c",
        [
            new("clientId", SettingType.String, "client_id приложения Avito", "example-client-id", Required: true),
            new("clientSecret", SettingType.String, "client_secret приложения Avito", "example-client-secret", Required: true, Secret: true),
            new("userId", SettingType.Number, "Номер профиля Avito (user_id), см. GET /core/v1/accounts/self", "123456789", Required: true),
            new("pollSeconds", SettingType.Number, "Как часто сверять чаты, секунд", "60"),
            new("apiBaseUrl", SettingType.Url, "Адрес API", AvitoConnector.DefaultApiBaseUrl),
        ],
        [
            "В кабинете Avito для профессионалов получите client_id и client_secret (раздел API).",
            "Впишите их и номер профиля (userId): Окно само подпишется на webhook.",
        ],
        new ChannelCapabilities { TextLimit = AvitoConnector.MaxTextLength, FilesOut = true, FilesIn = true });
}
