using Okno.Bench.Durability;
using Okno.Core.Messages;

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
        var r = await InboundDurability.RunAsync(new InboundDurability.Settings(Webhooks: 300, Rate: 50, KillMinSeconds: 1.5, KillMaxSeconds: 2.5, Postgres: Postgres, Chats: 20), _ => { });

        Assert.True(r.Kills >= 1, "the server was never killed");
        Assert.True(r.FailedPosts > 0, "no webhook was ever refused: the kills missed the traffic");
        Assert.Equal(300, r.Acked);
        Assert.Equal(0, r.Lost);
        Assert.Equal(0, r.Duplicates);
        Assert.Equal(0, r.Unexpected);
        Assert.Equal(300, r.Stored);
    }

    [SkippableFact]
    public async Task Outbound_ServerKilledWhileSending_EveryReplyDeliveredDuplicatesOnlyInFlight()
    {
        Skip.If(Postgres == "", "PostgreSQL durability skipped: set OKNO_TEST_POSTGRES to run it.");
        var r = await OutboundDurability.RunAsync(new OutboundDurability.Settings(Replies: 100, Kills: 2, Postgres: Postgres, ClaimSeconds: 3, Chats: 10), _ => { });

        Assert.Equal(100, r.Accepted);
        Assert.Equal(0, r.Missing);
        Assert.Equal(100, r.Delivered);
        // Only a send in flight at a kill may repeat: at most one per outbox lane per kill.
        Assert.InRange(r.Duplicates, 0, r.Kills * OutboxWorker.MaxParallel);
    }

    [SkippableFact]
    public async Task Outbound_VkServerKilledWhileSending_EveryReplyDeliveredOnceThanksToRandomId()
    {
        Skip.If(Postgres == "", "PostgreSQL durability skipped: set OKNO_TEST_POSTGRES to run it.");
        var r = await OutboundDurability.RunAsync(new OutboundDurability.Settings(Replies: 100, Kills: 2, Postgres: Postgres, ClaimSeconds: 3, Chats: 10, Platform: "vk"), _ => { });

        Assert.Equal(100, r.Accepted);
        Assert.Equal(0, r.Missing);
        Assert.Equal(100, r.Delivered);
        Assert.Equal(0, r.Duplicates); // a resend after a kill carries the same random_id: VK drops it
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
