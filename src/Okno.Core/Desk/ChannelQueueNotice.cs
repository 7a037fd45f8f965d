namespace Okno.Core.Desk;

/// <summary>
/// Per channel account, off by default: a request that waits in the queue gets one message with its place and the
/// expected wait. {position} and {wait} are filled in. Only requests that start waiting after it was switched on.
/// </summary>
public sealed class ChannelQueueNotice
{
    public const int MaxTextLength = 1000;
    public const string DefaultText = "Здравствуйте! Все специалисты сейчас заняты. Вы {position}-й в очереди, ожидаемое время ответа — {wait}. Мы обязательно ответим.";

    private ChannelQueueNotice() { }

    public ChannelQueueNotice(Guid channelAccountId) => ChannelAccountId = channelAccountId;

    public Guid ChannelAccountId { get; private set; }
    public bool Enabled { get; private set; }
    public string Text { get; private set; } = DefaultText;
    /// <summary>Since when it is on: requests already waiting then are not messaged all at once.</summary>
    public DateTimeOffset? EnabledAt { get; private set; }

    public void Set(bool enabled, string text, DateTimeOffset now)
    {
        if (enabled && !Enabled) EnabledAt = now;
        if (!enabled) EnabledAt = null;
        Enabled = enabled;
        Text = text;
    }

    public string Render(int position, string wait) =>
        Text.Replace("{position}", position.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{wait}", wait, StringComparison.Ordinal);
}
