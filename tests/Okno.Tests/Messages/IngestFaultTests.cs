using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Okno.Core.Data;
using Okno.Core.Messages;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Messages;

/// <summary>The ingest writer tells a race over a unique row (redelivery fixes it) from a fault (it must show).</summary>
public abstract class IngestFaultTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task FaultInOneItem_FailsThatItemAsAnErrorAndTheOthersCommit()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var sink = new CapturingLoggerProvider();
        using var node = App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(sink))));
        var writer = node.Services.GetRequiredService<IngestWriter>();
        var text = "Письмо в одной пачке с ошибкой " + Guid.NewGuid();
        var missing = Guid.NewGuid();

        // A channel-state event for a channel that does not exist: the processor's lookup throws (a fault, no race).
        var bad = writer.AcceptAsync(new ChannelAccountRef(missing, ChannelKind.Telegram, false),
            [new InboundEvent { Kind = InboundEventKind.ChannelState, ChannelStatus = ChannelStatus.Connected }], CancellationToken.None);
        var good = writer.AcceptAsync(new ChannelAccountRef(Guid.Parse(kit.ChannelId), ChannelKind.Telegram, false),
            [new InboundEvent { Kind = InboundEventKind.Message, ExternalId = "fault-" + Guid.NewGuid(), Sender = new InboundSender(IdentityKind.Telegram, "9511", "Клиент", "9511"), Text = text }],
            CancellationToken.None);

        var fault = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        await good;
        Assert.False(UniqueViolation.Is(fault));
        Assert.NotNull(await kit.FindConversationAsync(text)); // the good item of the same batch is committed
        var lines = sink.Lines.Where(l => l.Contains(missing.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, l => l.StartsWith("Error Okno.Core.Messages.IngestWriter: Ingest of an event for channel", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("redelivered", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task UniqueViolation_OnlyDuplicateKeysCount_NotOtherConstraints()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var channel = Guid.Parse(kit.ChannelId);
        var key = "race-" + Guid.NewGuid();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            db.ProcessedEvents.Add(new ProcessedEvent { ChannelAccountId = channel, Key = key, ProcessedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync();
        }

        var duplicate = await SaveFailsAsync(db => db.ProcessedEvents.Add(new ProcessedEvent { ChannelAccountId = channel, Key = key, ProcessedAt = DateTimeOffset.UnixEpoch }));
        var notNull = await SaveFailsAsync(db => db.ChannelState.Add(new ChannelStateEntry { ChannelAccountId = channel, Key = "k-" + Guid.NewGuid(), Value = null! }));

        Assert.True(UniqueViolation.Is(duplicate));
        Assert.False(UniqueViolation.Is(notNull)); // SQLite's NOT NULL shares the primary code 19 with UNIQUE
        Assert.False(UniqueViolation.Is(new InvalidOperationException("a bug")));
    }

    private async Task<DbUpdateException> SaveFailsAsync(Action<OknoDbContext> change)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        change(db);
        return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}

public sealed class IngestFaultSqliteTests(SqliteOknoApp app) : IngestFaultTests<SqliteOknoApp>(app);

public sealed class IngestFaultPostgresTests(PostgresOknoApp app) : IngestFaultTests<PostgresOknoApp>(app);
