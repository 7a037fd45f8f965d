using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Events;

namespace Okno.Core.Desk;

/// <summary>
/// Per team with autoTransferAfter: a request whose client has waited that long (business time, if the team has
/// hours) since it reached its assignee, or whose assignee went offline, goes back to the queue — the router then
/// gives it to someone else. The reason is a line in the conversation; the former assignee is told. A hand-off with
/// a return-by time is not "unanswered": the colleague has it until then.
/// </summary>
public sealed class AutoTransfer(OknoDbContext db, TimeProvider clock)
{
    public async Task<int> RunAsync(List<OknoEvent> events, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().Where(t => t.AutoTransferAfterSeconds != null).ToListAsync(ct);
        if (teams.Count == 0) return 0;
        var now = clock.GetUtcNow();
        var calendars = await DeskCalendars.ForTeamsAsync(db, teams, ct);
        var ids = teams.Select(t => (long?)t.Id).ToList();
        var held = await db.Conversations
            .Where(c => ids.Contains(c.TeamId) && c.AssigneeId != null && c.WaitingSince != null && c.Status == ConversationStatus.Open
                && !(c.HandedOffById != null && c.ReturnBy != null))
            .ToListAsync(ct);
        if (held.Count == 0) return 0;
        var holders = held.Select(c => c.AssigneeId!.Value).Distinct().ToList();
        var offline = (await db.Presence.Where(p => holders.Contains(p.UserId) && p.Status == PresenceStatus.Offline).Select(p => p.UserId).ToListAsync(ct)).ToHashSet();
        var names = await db.Users.Where(u => holders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var moved = 0;
        foreach (var c in held)
        {
            var team = teams.First(t => t.Id == c.TeamId);
            var after = team.AutoTransferAfter!.Value;
            var since = c.AssignedAt is { } a && a > c.WaitingSince ? a : c.WaitingSince!.Value;
            var waited = BusinessCalendar.Elapsed(calendars.GetValueOrDefault(team.Id), since, now);
            var gone = offline.Contains(c.AssigneeId!.Value);
            if (waited < after && !gone) continue;
            var from = c.TransferAway();
            var name = names.GetValueOrDefault(from) ?? $"сотрудник №{from}";
            db.Messages.Add(ConversationLog.Line(c, gone ? DeskLog.WentOffline(name) : DeskLog.Transferred(name, after), null, now, ConversationChange.Transferred));
            events.Add(new ConversationUpdated(c.Id, ConversationChange.Transferred));
            events.Add(new UserNotified(from, gone
                ? "Обращение передано другому: вы не в сети, а клиент ждёт ответа."
                : $"Обращение передано другому: клиент ждал ответа дольше {DeskLog.Span(after)}.", c.Id));
            moved++;
        }
        await db.SaveChangesAsync(ct);
        return moved;
    }
}

public static class DeskCalendars
{
    public static async Task<Dictionary<long, BusinessCalendar>> ForTeamsAsync(OknoDbContext db, IReadOnlyList<Team> teams, CancellationToken ct)
    {
        var hoursIds = teams.Where(t => t.BusinessHoursId != null).Select(t => t.BusinessHoursId!.Value).Distinct().ToList();
        if (hoursIds.Count == 0) return [];
        var hours = await db.BusinessHours.AsNoTracking().Where(h => hoursIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, BusinessCalendar.From, ct);
        return teams.Where(t => t.BusinessHoursId is { } h && hours.ContainsKey(h)).ToDictionary(t => t.Id, t => hours[t.BusinessHoursId!.Value]);
    }
}
