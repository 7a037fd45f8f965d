namespace Okno.Core.OutgoingWebhooks;

/// <summary>
/// When a failed delivery is tried again (Standard Webhooks' suggested schedule): at once, then 5 s, 5 min, 30 min,
/// 2 h, 5 h, 10 h and 10 h after each failure — eight attempts over 27 h 35 min, so a receiver down for a day still
/// gets everything.
/// </summary>
public static class WebhookSchedule
{
    private static readonly TimeSpan[] Waits =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    public static int MaxAttempts => Waits.Length + 1;

    /// <summary>The wait after the n-th failed attempt, or null when that was the last one.</summary>
    public static TimeSpan? After(int failedAttempts) => failedAttempts >= 1 && failedAttempts <= Waits.Length ? Waits[failedAttempts - 1] : null;

    public static TimeSpan Total => Waits.Aggregate(TimeSpan.Zero, (a, b) => a + b);
}
