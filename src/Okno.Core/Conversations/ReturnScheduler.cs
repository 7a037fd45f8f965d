using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Okno.Core.Data;
using Okno.Core.Events;

namespace Okno.Core.Conversations;

/// <summary>
/// Every second: gives handed-off requests back to whoever handed them off when their "return by" time comes
/// (both people are told), and wakes snoozed requests whose time has come.
/// </summary>
public sealed class ReturnScheduler(IServiceScopeFactory scopes, ILiveEvents bus, TimeProvider clock, Leases.LeasedLoop leased, ILogger<ReturnScheduler> log) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    /// <summary>One node returns and wakes requests (otherwise each due return is notified once per node).</summary>
    public const string LeaseName = "return-scheduler";
    private const int Batch = 100;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leased.RunAsync(LeaseName, RunWhileHeldAsync, stoppingToken);

    private async Task RunWhileHeldAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(Tick, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Return scheduler pass failed");
                await Task.Delay(Tick, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One pass. Returns how many requests it returned or woke.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Conversations.Where(c => c.HandedOffById != null && c.ReturnBy != null && c.ReturnBy <= now)
            .OrderBy(c => c.ReturnBy).Take(Batch).ToListAsync(ct);
        var sleeping = await db.Conversations.Where(c => c.Status == ConversationStatus.Snoozed && c.SnoozedUntil != null && c.SnoozedUntil <= now)
            .OrderBy(c => c.SnoozedUntil).Take(Batch).ToListAsync(ct);
        if (due.Count == 0 && sleeping.Count == 0) return 0;

        var events = new List<OknoEvent>();
        var contactIds = due.Concat(sleeping).Select(c => c.ContactId).Distinct().ToList();
        var clients = await db.Contacts.AsNoTracking().Where(x => contactIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var userIds = due.Select(c => c.HandedOffById!.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        string Client(Conversation c) => Contacts.PhoneMask.MaskInText(clients.GetValueOrDefault(c.ContactId) ?? $"Клиент №{c.ContactId}");
        foreach (var c in due)
        {
            var holder = c.AssigneeId;
            var back = c.ReturnToSender();
            db.Messages.Add(ConversationLog.Line(c, ConversationLog.ReturnedAutomatically(users.GetValueOrDefault(back) ?? $"сотрудник №{back}"), null, now, ConversationChange.Returned));
            events.Add(new ConversationUpdated(c.Id, ConversationChange.Returned) { AssigneeId = back });
            events.Add(new UserNotified(back, $"Вернулось к вам: {Client(c)} — истёк срок возврата.", c.Id));
            if (holder is { } h && h != back)
                events.Add(new UserNotified(h, $"Обращение {Client(c)} возвращено передавшему: истёк срок возврата.", c.Id));
        }
        foreach (var c in sleeping)
        {
            c.Wake();
            db.Messages.Add(ConversationLog.Line(c, ConversationLog.Woken, null, now));
            events.Add(new ConversationUpdated(c.Id, ConversationChange.Woken) { AssigneeId = c.AssigneeId });
            if (c.AssigneeId is { } a) events.Add(new UserNotified(a, $"Отложенное обращение снова в работе: {Client(c)}.", c.Id));
        }
        await db.SaveChangesAsync(ct);
        bus.PublishAll(events);
        return due.Count + sleeping.Count;
    }
}
