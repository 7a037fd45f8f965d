namespace Okno.Core.Channels;

/// <summary>
/// One setting of a channel kind: the admin form is generated from it and stored settings are checked against it.
/// <paramref name="Example"/> is written as the admin would type it (a list comma-separated).
/// </summary>
public sealed record ChannelSetting(string Name, SettingType Type, string Hint, string Example, bool Required = false, bool Secret = false)
{
    /// <summary>For a string with a fixed set of values (shown as a choice).</summary>
    public IReadOnlyList<string>? Choices { get; init; }
}
