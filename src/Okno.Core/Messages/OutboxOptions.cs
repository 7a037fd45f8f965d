namespace Okno.Core.Messages;

/// <summary>
/// Outbox tuning ("Okno:Outbox", "Okno:Media"). Claim: how long a worker owns a row; a crashed worker's rows wait
/// this long. MediaMaxBytes: the default size cap of a downloaded file (a channel's "maxMediaMb" setting overrides
/// it); MediaDeadline: the whole download, headers and body, must finish within it.
/// </summary>
public sealed class OutboxOptions
{
    public TimeSpan Claim { get; init; } = OutboxWorker.Claim;
    public long MediaMaxBytes { get; init; } = 50L * 1024 * 1024;
    public TimeSpan MediaDeadline { get; init; } = TimeSpan.FromSeconds(120);
}
