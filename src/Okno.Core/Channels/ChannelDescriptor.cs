namespace Okno.Core.Channels;

/// <summary>
/// A channel kind describes itself: wire name, titles, badge, settings schema, set-up steps and capabilities.
/// Each connector folder owns one; the API (GET /api/v1/channel-kinds), the admin form, the badges, reply routes
/// and the reply box read it, so nothing outside the folder switches on a kind.
/// </summary>
public sealed partial record ChannelDescriptor(
    ChannelKind Kind,
    string WireName,
    string Title,
    string TitleEn,
    string Badge,
    string BadgeColor,
    IReadOnlyList<ChannelSetting> Settings,
    IReadOnlyList<string> Steps,
    ChannelCapabilities Capabilities)
{
    /// <summary>The kind's own settings, then those every channel account has (the satisfaction survey).</summary>
    public IReadOnlyList<ChannelSetting> Settings { get; init; } = [.. Settings, .. Common];

    public static readonly IReadOnlyList<ChannelSetting> Common = [Csat.CsatSurvey.Describe];

    /// <summary>
    /// Code the firm pastes somewhere to use the channel (the site chat's script tag), with {publicUrl} and
    /// {channelId} to fill in; null when there is nothing to paste.
    /// </summary>
    public string? EmbedTemplate { get; init; }

    public string? Embed(string publicUrl, Guid channelId) =>
        EmbedTemplate?.Replace("{publicUrl}", publicUrl.TrimEnd('/'), StringComparison.Ordinal)
            .Replace("{channelId}", channelId.ToString(), StringComparison.Ordinal);

    public IEnumerable<string> SecretSettings => Settings.Where(s => s.Secret).Select(s => s.Name);

    public ChannelSetting? Setting(string name) => Settings.FirstOrDefault(s => s.Name == name);

    public string TitleIn(string language) => language == "en" ? TitleEn : Title;
}
