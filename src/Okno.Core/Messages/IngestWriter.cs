using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Okno.Core.Channels;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Telemetry;

namespace Okno.Core.Messages;

/// <summary>
/// Group commit: webhook handlers hand their parsed events to this single writer and wait. The writer drains
/// what is waiting, processes it in one transaction (a savepoint per item, so one bad item fails alone),
/// commits once — one fsync shared by the batch — and only then completes every item, so each handler
/// acknowledges only what is durable.
/// </summary>
public sealed class IngestWriter(IServiceScopeFactory scopes, ChannelDirectory channels, ILiveEvents bus, ILogger<IngestWriter> log)
    : BackgroundService, IInboundSink
{
    public const int MaxBatch = 256;
    private readonly Channel<WorkItem> _queue = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(20_000) { SingleReader = true });

    /// <summary>Webhooks waiting for the writer (a gauge at /metrics).</summary>
    public int QueueDepth => _queue.Reader.Count;

    private sealed record WorkItem(ChannelAccountRef Account, IReadOnlyList<InboundEvent> Events, TaskCompletionSource Done)
    {
        public List<OknoEvent> Published { get; } = [];
        public Exception? Error { get; set; }
    }

    public async Task AcceptAsync(Guid channelAccountId, IReadOnlyList<InboundEvent> events, CancellationToken ct)
    {
        var entry = await channels.FindAsync(channelAccountId, ct) ?? throw new InvalidOperationException($"Channel {channelAccountId} not found.");
        await AcceptAsync(entry.Ref, events, ct);
    }

    public async Task AcceptAsync(ChannelAccountRef account, IReadOnlyList<InboundEvent> events, CancellationToken ct)
    {
        if (events.Count == 0) return;
        var item = new WorkItem(account, events, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(item, ct);
        // Not cancellable once queued: the caller must learn whether its events were committed.
        await item.Done.Task;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete(); // graceful shutdown: finish what is queued, then stop
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<WorkItem>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
            await CommitBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitBatchAsync(List<WorkItem> batch)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        OknoMetrics.IngestBatchSize.Record(batch.Count);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            db.Database.AutoSavepointsEnabled = false;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            var processor = scope.ServiceProvider.GetRequiredService<InboundProcessor>();
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var item in batch) await ProcessItemAsync(db, tx, processor, item);
            await tx.CommitAsync();
            OknoMetrics.IngestCommitDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Ingest batch of {Count} failed to commit", batch.Count);
            foreach (var item in batch) item.Error ??= ex;
        }

        foreach (var item in batch)
        {
            if (item.Error is null)
            {
                bus.PublishAll(item.Published);
                item.Done.TrySetResult();
            }
            else
            {
                item.Done.TrySetException(item.Error);
            }
        }
    }

    private async Task ProcessItemAsync(OknoDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, InboundProcessor processor, WorkItem item)
    {
        await tx.CreateSavepointAsync("item");
        try
        {
            foreach (var e in item.Events)
                item.Published.AddRange(await processor.ProcessAsync(item.Account, e, CancellationToken.None));
            await db.SaveChangesAsync();
            await tx.ReleaseSavepointAsync("item");
            // Everything of this item is flushed (not yet committed) in the transaction; later items read it from
            // there. Forgetting it keeps the tracker small: otherwise every SaveChanges and every .Local lookup of
            // the next items scans all entities of the batch so far (O(batch²) per commit).
            db.ChangeTracker.Clear();
        }
        catch (Exception ex) when (UniqueViolation.Is(ex))
        {
            // A race with another node over the same new row (a contact's identity, a message id): the platform
            // redelivers, and by then the row exists and the event is de-duplicated.
            log.LogWarning("Ingest of an event for channel {ChannelId} lost a race over a unique row; it will be redelivered", item.Account.Id);
            await FailItemAsync(db, tx, item, ex);
        }
        catch (Exception ex)
        {
            // A fault, not a race: this item fails (its webhook is answered 500, so it stays the platform's to
            // redeliver) and the rest of the batch commits.
            log.LogError(ex, "Ingest of an event for channel {ChannelId} failed", item.Account.Id);
            await FailItemAsync(db, tx, item, ex);
        }
    }

    private static async Task FailItemAsync(OknoDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, WorkItem item, Exception ex)
    {
        await tx.RollbackToSavepointAsync("item");
        db.ChangeTracker.Clear();
        item.Published.Clear();
        item.Error = ex;
    }
}
