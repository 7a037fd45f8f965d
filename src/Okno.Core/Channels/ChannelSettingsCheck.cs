using System.Text.Json.Nodes;

namespace Okno.Core.Channels;

/// <summary>The schema of the kind's descriptor first (types, required), then the connector's own rules.</summary>
public static class ChannelSettingsCheck
{
    public static (JsonObject Settings, IReadOnlyDictionary<string, string> Errors) Run(IChannelConnector connector, JsonObject settings)
    {
        var (normalized, errors) = connector.Descriptor.Normalize(settings);
        // Round trip: the connector reads what will be stored (numbers as JSON numbers, not CLR boxes).
        normalized = JsonNode.Parse(normalized.ToJsonString())!.AsObject();
        foreach (var (name, message) in connector.ValidateSettings(normalized))
            errors.TryAdd(name, message.Contains(name, StringComparison.Ordinal) ? message : $"{name}: {message}");
        return (normalized, errors);
    }
}
