using Okno.Bench.Durability;

namespace Okno.Tests.Durability;

/// <summary>
/// The short version of `Okno.Bench durability`: a child Okno server SIGKILLed while it receives webhooks and while it
/// sends replies. Runs in CI (category Durability); the long version is in bench/README.md.
/// </summary>
[Trait("Category", "Durability")]
public abstract class DurabilityTests
{
    protected abstract string? Postgres { get; }

    [SkippableFact]
    public async Task Inbound_ServerKilledWhileReceiving_EveryWebhookStoredOnce()
    {
        Skip.If(Postgres == "", "PostgreSQL durability skipped: set OKNO_TEST_POSTGRES to run it.");
        var r = await InboundDurability.RunAsync(new InboundDurability.Settings(Webhooks: 500, Rate: 60, KillMinSeconds: 2, KillMaxSeconds: 3.5, Postgres: Postgres, Chats: 20), _ => { });

        Assert.True(r.Kills >= 1, "the server was never killed");
        Assert.True(r.FailedPosts > 0, "no webhook was ever refused: the kills missed the traffic");
        Assert.Equal(500, r.Acked);
        Assert.Equal(0, r.Lost);
        Assert.Equal(0, r.Duplicates);
        Assert.Equal(0, r.Unexpected);
        Assert.Equal(500, r.Stored);
    }

    [SkippableFact]
    public async Task Outbound_ServerKilledWhileSending_EveryReplyDeliveredAtMostOneDuplicatePerKill()
    {
        Skip.If(Postgres == "", "PostgreSQL durability skipped: set OKNO_TEST_POSTGRES to run it.");
        var r = await OutboundDurability.RunAsync(new OutboundDurability.Settings(Replies: 150, Kills: 2, Postgres: Postgres, ClaimSeconds: 3, Chats: 10), _ => { });

        Assert.Equal(150, r.Accepted);
        Assert.Equal(0, r.Missing);
        Assert.Equal(150, r.Delivered);
        Assert.InRange(r.Duplicates, 0, r.Kills); // only a send in flight at a kill may repeat
    }
}

public sealed class SqliteDurabilityTests : DurabilityTests
{
    protected override string? Postgres => null;
}

public sealed class PostgresDurabilityTests : DurabilityTests
{
    protected override string? Postgres => Environment.GetEnvironmentVariable("OKNO_TEST_POSTGRES") ?? "";
}
