using System.Text.Json.Nodes;
using Okno.Core.Channels;

namespace Okno.Web.Channels;

public sealed record ChannelRequest(string? Kind, string? Name, JsonObject? Settings);

public sealed record ChannelDto(Guid Id, string Kind, string Name, string Status, string? StatusReason, string WebhookUrl, JsonObject Settings, bool IsDemo)
{
    public static ChannelDto From(ChannelAccount a, JsonObject settings, IChannelConnector connector, string publicUrl) => new(
        a.Id, a.Kind.ToWireName(), a.Name, StatusName(a.Status), a.StatusReason,
        $"{publicUrl.TrimEnd('/')}/webhooks/{a.Id}", MaskSecrets(settings, connector.Descriptor.SecretSettings), a.IsDemo);

    public static string StatusName(ChannelStatus s) => s switch
    {
        ChannelStatus.Connected => "connected",
        ChannelStatus.NeedsAttention => "needs_attention",
        ChannelStatus.Blocked => "blocked",
        _ => "disconnected",
    };

    /// <summary>Secrets never leave whole: the last four characters are enough to tell which one is set.</summary>
    private static JsonObject MaskSecrets(JsonObject settings, IEnumerable<string> secrets)
    {
        var copy = (JsonObject)settings.DeepClone();
        foreach (var name in secrets)
            if (copy[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0)
                copy[name] = s.Length > 8 ? "••••" + s[^4..] : "••••";
        return copy;
    }
}
