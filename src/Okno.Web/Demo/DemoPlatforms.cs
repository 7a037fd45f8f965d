namespace Okno.Web.Demo;

/// <summary>The platforms demo mode can drive.</summary>
public static class DemoPlatforms
{
    /// <summary>One line per platform with a stand-in; kinds without a registered connector are skipped.</summary>
    public static readonly IReadOnlyList<IDemoPlatform> All =
    [
        new Platforms.TelegramDemo(),
        new Platforms.VkDemo(),
        new Platforms.MaxDemo(),
        new Platforms.WhatsAppCloudDemo(),
        new Platforms.GreenApiDemo(),
    ];
}
