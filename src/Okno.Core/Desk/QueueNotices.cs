using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Okno.Core.Conversations;
using Okno.Core.Data;

namespace Okno.Core.Desk;

/// <summary>
/// The optional client message with the place in the queue and the expected wait: once per request, only on channel
/// accounts where it is switched on, only for requests that started waiting after that and that the router could not
/// give to anyone. Sent like any reply (message + outbox), without an author, and it does not count as an answer.
/// Expected wait: the team's recent first-response time × place ÷ members online (at least one).
/// </summary>
public sealed class QueueNotices(OknoDbContext db, SendReply send, TimeProvider clock, ILogger<QueueNotices> log)
{
    /// <param name="routedUpTo">The newest conversation the router of this pass has seen: later ones wait for the next pass.</param>
    public async Task<int> RunAsync(long routedUpTo, CancellationToken ct)
    {
        var notices = await db.QueueNotices.AsNoTracking().Where(n => n.Enabled).ToDictionaryAsync(n => n.ChannelAccountId, ct);
        if (notices.Count == 0) return 0;
        var channels = notices.Keys.ToList();
        var due = await DeskQueue.Waiting(db).AsNoTracking()
            .Where(c => c.Id <= routedUpTo && c.Status == ConversationStatus.Open && c.QueueNoticeAt == null && channels.Contains(c.SourceChannelAccountId))
            .Select(c => new { c.Id, c.SourceChannelAccountId, c.TeamId, Since = c.WaitingSince ?? c.CreatedAt }).ToListAsync(ct);
        due = due.Where(d => notices[d.SourceChannelAccountId].EnabledAt is { } on && d.Since >= on).ToList();
        if (due.Count == 0) return 0;
        var positions = await DeskQueue.PositionsAsync(db, due.Select(d => d.Id).ToList(), ct);
        var sent = 0;
        foreach (var d in due)
        {
            if (!positions.TryGetValue(d.Id, out var position)) continue;
            var wait = await ExpectedWaitAsync(d.TeamId, position, ct);
            try
            {
                await send.ExecuteAsync(new ReplyRequest(d.Id, notices[d.SourceChannelAccountId].Render(position, wait), null, null), ct);
                sent++;
            }
            catch (DomainException ex)
            {
                // The channel cannot carry free text now (a closed WhatsApp window, say): no notice for this request.
                log.LogInformation("Queue notice for conversation {ConversationId} not sent: {Reason}", d.Id, ex.GetType().Name);
            }
            var c = await db.Conversations.FirstAsync(x => x.Id == d.Id, ct);
            c.MarkQueueNotice(clock.GetUtcNow());
            db.Messages.Add(ConversationLog.Line(c, DeskLog.QueueNotice(position), null, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }

    private async Task<string> ExpectedWaitAsync(long? teamId, int position, CancellationToken ct)
    {
        var recent = await db.Conversations.AsNoTracking().Where(c => c.TeamId == teamId && c.FirstResponseAt != null)
            .OrderByDescending(c => c.Id).Take(20).Select(c => new { c.CreatedAt, c.FirstResponseAt }).ToListAsync(ct);
        if (recent.Count == 0) return "несколько минут";
        var average = TimeSpan.FromTicks((long)recent.Average(r => (r.FirstResponseAt!.Value - r.CreatedAt).Ticks));
        var team = teamId is { } t ? await db.Teams.AsNoTracking().FirstOrDefaultAsync(x => x.Id == t, ct) : null;
        var members = team?.MemberIds.ToList();
        var online = await db.Presence.CountAsync(p => p.Status == PresenceStatus.Online && (members == null || members.Contains(p.UserId)), ct);
        var minutes = Math.Max(1, (int)Math.Ceiling(average.TotalMinutes * position / Math.Max(1, online)));
        return minutes < 60 ? $"около {minutes} мин." : $"около {(int)Math.Ceiling(minutes / 60.0)} ч";
    }
}
