using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Core.Leases;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Leases;

/// <summary>The lease row on a real database: one holder at a time, renewal, expiry, giving back.</summary>
public abstract class LeaseStoreTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private static readonly LeaseOptions Options = new() { Duration = TimeSpan.FromSeconds(30) };

    private LeaseStore Node() => new(App.Services.GetRequiredService<IServiceScopeFactory>(), new NodeIdentity(), Options, _clock);

    [SkippableFact]
    public async Task TwoNodes_OneHolds_TheOtherTakesOverOnlyAfterExpiry()
    {
        var (a, b) = (Node(), Node());
        var name = "test:" + Guid.NewGuid();

        Assert.True(await a.TryAcquireAsync(name, default));
        Assert.False(await b.TryAcquireAsync(name, default));
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await a.TryAcquireAsync(name, default)); // renewed: 30 s from now
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.False(await b.TryAcquireAsync(name, default)); // 40 s after the start, but the renewal holds
        Assert.Equal(a.NodeId, await a.HolderAsync(name, default));

        _clock.Advance(TimeSpan.FromSeconds(11)); // a stopped renewing: the lease expired
        Assert.True(await b.TryAcquireAsync(name, default));
        Assert.False(await a.TryAcquireAsync(name, default));
        Assert.Equal(b.NodeId, await a.HolderAsync(name, default));
    }

    [SkippableFact]
    public async Task Release_LetsTheOtherNodeTakeItAtOnce_ButOnlyTheHolderReleases()
    {
        var (a, b) = (Node(), Node());
        var name = "test:" + Guid.NewGuid();
        Assert.True(await a.TryAcquireAsync(name, default));

        await b.ReleaseAsync(name, default); // not b's to give back
        Assert.False(await b.TryAcquireAsync(name, default));
        await a.ReleaseAsync(name, default);
        Assert.True(await b.TryAcquireAsync(name, default));
    }

    [SkippableFact]
    public async Task ManyNodesAtOnce_ExactlyOneTakesAFreshLease()
    {
        var nodes = Enumerable.Range(0, 8).Select(_ => Node()).ToList();
        var name = "test:" + Guid.NewGuid();

        var results = await Task.WhenAll(nodes.Select(n => n.TryAcquireAsync(name, default)));

        Assert.Single(results, r => r);
    }
}

public sealed class LeaseStoreSqliteTests(SqliteOknoApp app) : LeaseStoreTests<SqliteOknoApp>(app);

public sealed class LeaseStorePostgresTests(PostgresOknoApp app) : LeaseStoreTests<PostgresOknoApp>(app);
