using System.Globalization;
using System.Text.Json.Nodes;
using Okno.Core.Channels;

namespace Okno.Web.Channels;

/// <summary>One kind as GET /api/v1/channel-kinds shows it (the descriptor, for the admin form and integrators).</summary>
public sealed record ChannelKindDto(string Kind, string Title, string TitleEn, string Badge, string BadgeColor,
    IReadOnlyList<ChannelKindDto.Setting> Settings, IReadOnlyList<string> Steps, ChannelKindDto.Caps Capabilities)
{
    public sealed record Setting(string Name, string Type, bool Required, bool Secret, string Hint, JsonNode? Example, IReadOnlyList<string>? Choices);

    /// <summary><c>replyWindow</c> in seconds; null = free text at any time.</summary>
    public sealed record Caps(int? TextLimit, bool FilesOut, bool FilesIn, bool Templates, long? ReplyWindow, bool Buttons, bool Edits, bool ReadReceipts);

    public static ChannelKindDto From(ChannelDescriptor d) => new(d.WireName, d.Title, d.TitleEn, d.Badge, d.BadgeColor,
        d.Settings.Select(s => new Setting(s.Name, TypeName(s.Type), s.Required, s.Secret, s.Hint, Example(s), s.Choices)).ToList(),
        d.Steps,
        new Caps(d.Capabilities.TextLimit, d.Capabilities.FilesOut, d.Capabilities.FilesIn, d.Capabilities.Templates,
            d.Capabilities.ReplyWindow is { } w ? (long)w.TotalSeconds : null, d.Capabilities.Buttons, d.Capabilities.Edits, d.Capabilities.ReadReceipts));

    public static string TypeName(SettingType type) => type.ToString().ToLowerInvariant();

    /// <summary>The example as JSON of its type: a number for number settings, an array for lists.</summary>
    public static JsonNode? Example(ChannelSetting s) => s.Type switch
    {
        SettingType.Number => decimal.TryParse(s.Example, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
            ? n == decimal.Truncate(n) ? JsonValue.Create((long)n) : JsonValue.Create(n) : JsonValue.Create(s.Example),
        SettingType.Boolean => JsonValue.Create(s.Example == "true"),
        SettingType.List => new JsonArray(s.Example.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => (JsonNode)JsonValue.Create(x)).ToArray()),
        _ => JsonValue.Create(s.Example),
    };
}
