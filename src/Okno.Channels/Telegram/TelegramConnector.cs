using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Telegram;

/// <summary>
/// Telegram Bot API: webhook mode (secret header checked in constant time) or long polling (getUpdates)
/// for firms without a public URL. https://core.telegram.org/bots/api
/// </summary>
public sealed partial class TelegramConnector(IHttpClientFactory http) : IChannelConnector, IPollingConnector
{
    public const string DefaultApiBaseUrl = "https://api.telegram.org";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public ChannelDescriptor Descriptor => TelegramChannel.Descriptor;

    public IReadOnlyDictionary<string, string> ValidateSettings(JsonObject settings)
    {
        var errors = new Dictionary<string, string>();
        var mode = settings["mode"]?.GetValue<string>() ?? "webhook";
        if (mode == "webhook")
        {
            Settings.Require(settings, errors, "secretToken");
            // Telegram allows 1–256 characters A-Z, a-z, 0-9, _ and - in secret_token.
            if (settings["secretToken"] is JsonValue v && v.TryGetValue<string>(out var secret) &&
                (secret.Length > 256 || secret.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))))
                errors["secretToken"] = "Только латинские буквы, цифры, _ и -, до 256 символов.";
        }
        return errors;
    }

    private static string ApiBase(ChannelContext channel) => Settings.BaseUrl(channel.Setting("apiBaseUrl"), DefaultApiBaseUrl);

    private static string MethodUrl(ChannelContext channel, string method) => $"{ApiBase(channel)}/bot{channel.RequiredSetting("botToken")}/{method}";

    private static bool IsPolling(ChannelContext channel) => channel.Setting("mode") == "polling";
}
