namespace Okno.Core.Messages;

/// <summary>Outbox tuning ("Okno:Outbox"). Claim: how long a worker owns a row; a crashed worker's rows wait this long.</summary>
public sealed class OutboxOptions
{
    public TimeSpan Claim { get; init; } = OutboxWorker.Claim;
}
