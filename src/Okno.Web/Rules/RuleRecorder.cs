using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Rules;

namespace Okno.Web.Rules;

/// <summary>
/// Turns this node's committed events (the one live-event stream, events published here only, so with several nodes
/// each is recorded once) into rule jobs — only for events some enabled rule listens to. Ingest never waits for
/// rules: the handler queues and returns; the job row is written here and run by <see cref="RuleWorker"/>.
/// </summary>
public sealed class RuleRecorder(ILiveEvents bus, IServiceScopeFactory scopes, TimeProvider clock, RuleSignal signal, ILogger<RuleRecorder> log) : BackgroundService
{
    /// <summary>How long this node trusts its list of listened-to events (the node that saves a rule knows at once).</summary>
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);

    private readonly Channel<Item> _queue = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
    private volatile Tuple<HashSet<string>, DateTimeOffset>? _listened;

    private sealed record Item(string Event, long ConversationId, long? MessageId, bool Quiet, long? CausedBy);

    /// <summary>A rule was saved here: re-read the events rules listen to.</summary>
    public void Changed() => _listened = null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = bus.SubscribeOrigin(e =>
        {
            // The cause is read here, on the publishing flow: a rule's own action publishes with its id set.
            if (RuleEvents.Of(e) is { } x) _queue.Writer.TryWrite(new Item(x.Event, x.ConversationId, x.MessageId, x.Quiet, RuleCause.RuleId));
        });
        await foreach (var item in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try { await RecordAsync(item, stoppingToken); }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested) { log.LogError(ex, "Recording a rule event failed"); }
        }
    }

    private async Task RecordAsync(Item item, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        if (!(await ListenedAsync(db, ct)).Contains(item.Event)) return;
        db.RuleJobs.Add(new RuleJob(item.Event, item.ConversationId, item.MessageId, clock.GetUtcNow(), item.CausedBy, item.Quiet));
        await db.SaveChangesAsync(ct);
        signal.Notify();
    }

    private async Task<HashSet<string>> ListenedAsync(OknoDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_listened is { } known && now - known.Item2 < Fresh && now >= known.Item2) return known.Item1;
        var events = (await db.Rules.AsNoTracking().Where(r => r.Enabled).Select(r => r.Event).Distinct().ToListAsync(ct)).ToHashSet();
        _listened = Tuple.Create(events, now);
        return events;
    }
}

/// <summary>Wakes the rules worker right after a job is written.</summary>
public sealed class RuleSignal
{
    private readonly SemaphoreSlim _gate = new(0, 1);

    public void Notify()
    {
        try { _gate.Release(); }
        catch (SemaphoreFullException) { /* already signalled */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _gate.WaitAsync(timeout, ct);
}
