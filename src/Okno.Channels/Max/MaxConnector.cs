using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Max;

/// <summary>
/// MAX Bot API (schema.yaml of max-messenger/api-schema): webhook subscription with a secret that comes back in
/// the X-Max-Bot-Api-Secret header; POST /messages?user_id= with the token in the Authorization header (no
/// "Bearer"); errors are JSON {code, message}. https://dev.max.ru/docs-api
/// </summary>
public sealed partial class MaxConnector(IHttpClientFactory http, TimeProvider clock) : IChannelConnector
{
    public const string DefaultApiBaseUrl = "https://platform-api2.max.ru";
    /// <summary>MAX's media hosts (a channel's "mediaHosts" setting can add more).</summary>
    private static readonly string[] MediaHosts = ["max.ru", "oneme.ru", "okcdn.ru", "mycdn.me"];
    public const string SecretHeader = "X-Max-Bot-Api-Secret";
    public static readonly string[] UpdateTypes = ["message_created", "message_edited", "bot_started", "bot_stopped"];

    public ChannelDescriptor Descriptor => MaxChannel.Descriptor;

    public IReadOnlyDictionary<string, string> ValidateSettings(JsonObject settings)
    {
        var errors = new Dictionary<string, string>();
        // The subscription secret: A-Z, a-z, 0-9 and hyphen.
        if (settings["webhookSecret"] is JsonValue v && v.TryGetValue<string>(out var secret) &&
            (secret.Length is < 5 or > 256 || secret.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-'))))
            errors["webhookSecret"] = "От 5 до 256 символов: латинские буквы, цифры и дефис.";
        return errors;
    }

    private static string ApiBase(ChannelContext channel) => Settings.BaseUrl(channel.Setting("apiBaseUrl"), DefaultApiBaseUrl);

    private HttpClient Client(ChannelContext channel)
    {
        var client = http.CreateClient("max");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", channel.RequiredSetting("accessToken"));
        return client;
    }
}
