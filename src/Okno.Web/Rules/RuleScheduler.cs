using Cronos;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Leases;
using Okno.Core.Rules;

namespace Okno.Web.Rules;

/// <summary>
/// Finds the time-based events on the clock (<see cref="TimeProvider"/> only): no staff reply for <c>after</c> (the
/// client waits since…), no client reply for <c>after</c> (the firm answered last), and <c>time.schedule</c> (cron in
/// the firm's time zone, optionally business hours only). Each (rule, conversation, occurrence) becomes one job —
/// and *after* before a hand-off's return time (<c>time.before_return</c>); the unique index makes a second look a no-op — which the rules worker runs like any other.
/// </summary>
public sealed class RuleScheduler(OknoDbContext db, BusinessTime business, TimeProvider clock, RuleSignal signal)
{
    public const int MaxPerPass = 500;

    /// <summary>One look; returns how many jobs it wrote.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var rules = await db.Rules.Where(r => r.Enabled && r.Event.StartsWith("time.")).OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var written = 0;
        foreach (var rule in rules)
        {
            var due = rule.Event switch
            {
                RuleEvents.NoStaffReply when rule.AfterSeconds is { } s => await NoStaffReplyAsync(now - TimeSpan.FromSeconds(s), ct),
                RuleEvents.NoClientReply when rule.AfterSeconds is { } s => await NoClientReplyAsync(now - TimeSpan.FromSeconds(s), ct),
                RuleEvents.Schedule => await ScheduledAsync(rule, now, ct),
                RuleEvents.BeforeReturn when rule.AfterSeconds is { } s => await BeforeReturnAsync(now, TimeSpan.FromSeconds(s), ct),
                _ => [],
            };
            if (due.Count == 0) continue;
            var ids = due.Select(d => d.ConversationId).ToList();
            var known = (await db.RuleJobs.AsNoTracking().Where(j => j.RuleId == rule.Id && ids.Contains(j.ConversationId))
                .Select(j => new { j.ConversationId, j.Occurrence }).ToListAsync(ct)).Select(j => (j.ConversationId, j.Occurrence)).ToHashSet();
            foreach (var (conversationId, occurrence) in due.Where(d => !known.Contains((d.ConversationId, d.Occurrence))))
            {
                db.RuleJobs.Add(new RuleJob(rule.Event, conversationId, null, now, ruleId: rule.Id, occurrence: occurrence));
                written++;
            }
        }
        if (db.ChangeTracker.HasChanges())
        {
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex)) { db.ChangeTracker.Clear(); return 0; } // another look wrote them first
        }
        if (written > 0) signal.Notify();
        // Finished jobs are kept a month (a time-based occurrence is known by its job), then dropped in batches.
        var old = now - KeepJobs;
        var stale = await db.RuleJobs.Where(j => j.Done && j.CreatedAt < old).OrderBy(j => j.Id).Select(j => j.Id).Take(1000).ToListAsync(ct);
        if (stale.Count > 0) await db.RuleJobs.Where(j => stale.Contains(j.Id)).ExecuteDeleteAsync(ct);
        return written;
    }

    public static readonly TimeSpan KeepJobs = TimeSpan.FromDays(30);

    /// <summary>Open requests whose client has waited for the firm since before <paramref name="since"/>.</summary>
    private async Task<List<(long ConversationId, string? Occurrence)>> NoStaffReplyAsync(DateTimeOffset since, CancellationToken ct) =>
        (await db.Conversations.AsNoTracking().Where(c => c.Status == ConversationStatus.Open && c.WaitingSince != null && c.WaitingSince <= since)
            .OrderBy(c => c.WaitingSince).Take(MaxPerPass).Select(c => new { c.Id, c.WaitingSince }).ToListAsync(ct))
        .Select(c => (c.Id, (string?)("wait:" + c.WaitingSince!.Value.UtcTicks))).ToList();

    /// <summary>Open requests the firm answered last, before <paramref name="since"/>, and the client has been silent since.</summary>
    private async Task<List<(long ConversationId, string? Occurrence)>> NoClientReplyAsync(DateTimeOffset since, CancellationToken ct) =>
        (await db.Conversations.AsNoTracking().Where(c => c.Status == ConversationStatus.Open && c.WaitingSince == null && c.FirstResponseAt != null &&
                c.LastMessageAt <= since && (c.LastInboundAt == null || c.LastInboundAt < c.LastMessageAt))
            .OrderBy(c => c.LastMessageAt).Take(MaxPerPass).Select(c => new { c.Id, c.LastMessageAt }).ToListAsync(ct))
        .Select(c => (c.Id, (string?)("answered:" + c.LastMessageAt.UtcTicks))).ToList();

    /// <summary>Handed-off requests whose return time is less than <paramref name="ahead"/> away (and not yet past).</summary>
    private async Task<List<(long ConversationId, string? Occurrence)>> BeforeReturnAsync(DateTimeOffset now, TimeSpan ahead, CancellationToken ct)
    {
        var until = now + ahead;
        return (await db.Conversations.AsNoTracking().Where(c => c.Status != ConversationStatus.Resolved && c.ReturnBy != null && c.ReturnBy > now && c.ReturnBy <= until)
                .OrderBy(c => c.ReturnBy).Take(MaxPerPass).Select(c => new { c.Id, c.ReturnBy }).ToListAsync(ct))
            .Select(c => (c.Id, (string?)("return:" + c.ReturnBy!.Value.UtcTicks))).ToList();
    }

    /// <summary>The latest cron occurrence since the last look (missed ones are not replayed), for every open request.</summary>
    private async Task<List<(long ConversationId, string? Occurrence)>> ScheduledAsync(Rule rule, DateTimeOffset now, CancellationToken ct)
    {
        if (rule.Schedule is null || !RuleAdmin.TryCron(rule.Schedule, out var cron) || cron is null) return [];
        var from = rule.ScheduledUpTo ?? rule.CreatedAt;
        rule.ScheduledUpTo = now;
        var occurrence = cron.GetOccurrences(from.UtcDateTime, now.UtcDateTime, business.Zone, fromInclusive: false, toInclusive: true).LastOrDefault();
        if (occurrence == default) return [];
        var at = new DateTimeOffset(occurrence, TimeSpan.Zero);
        if (rule.BusinessHoursOnly && !await RuleFacts.OpenAsync(db, null, at, ct)) return [];
        return (await db.Conversations.AsNoTracking().Where(c => c.Status != ConversationStatus.Resolved).OrderBy(c => c.Id).Take(MaxPerPass)
            .Select(c => c.Id).ToListAsync(ct)).Select(id => (id, (string?)("cron:" + at.UtcTicks))).ToList();
    }
}

/// <summary>Looks for time-based events every <see cref="Tick"/> on one node (lease "rule-scheduler", decision 0015).</summary>
public sealed class RuleSchedulerLoop(IServiceScopeFactory scopes, LeasedLoop leased, TimeProvider clock, ILogger<RuleSchedulerLoop> log) : BackgroundService
{
    public const string LeaseName = "rule-scheduler";
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leased.RunAsync(LeaseName, async ct =>
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RuleScheduler>().RunOnceAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Rule scheduler pass failed");
            }
            await Task.Delay(Tick, clock, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }, stoppingToken);
}
