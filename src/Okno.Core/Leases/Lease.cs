namespace Okno.Core.Leases;

/// <summary>
/// A row saying "node <see cref="Holder"/> does <see cref="Name"/> until <see cref="ExpiresAt"/>": the one way Okno
/// makes a loop (a channel's poller, the return scheduler) run on exactly one node at a time. See docs/decisions/0015.
/// </summary>
public sealed class Lease
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>How long a lease lasts unrenewed ("Okno:Leases:Seconds", default 30); the holder renews it every third of that.</summary>
public sealed class LeaseOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan RenewEvery => Duration / 3;
}

/// <summary>This process among the nodes: a fresh id per start (two hosts in one process are two nodes).</summary>
public sealed class NodeIdentity
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
