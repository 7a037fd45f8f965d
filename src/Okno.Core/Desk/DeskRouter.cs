using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Operators;

namespace Okno.Core.Desk;

/// <summary>
/// Puts requests into teams (the channel account's team, else the default team) and hands waiting requests out by
/// the team's strategy: sticky owner first, then round robin / least loaded / skills; never to someone offline or
/// away, never over capacity. Each assignment records why (assignedBy) as a line in the conversation.
/// </summary>
public sealed class DeskRouter(OknoDbContext db, TimeProvider clock)
{
    public async Task<int> RunAsync(List<OknoEvent> events, CancellationToken ct)
    {
        var teams = await db.Teams.OrderBy(t => t.Id).ToListAsync(ct);
        if (teams.Count == 0) return 0;
        await PlaceAsync(teams, ct);
        var assigned = 0;
        foreach (var team in teams.Where(t => t.Strategy != TeamStrategy.Manual)) assigned += await DistributeAsync(team, events, ct);
        return assigned;
    }

    /// <summary>Open requests without a team get one.</summary>
    private async Task PlaceAsync(List<Team> teams, CancellationToken ct)
    {
        var byChannel = teams.SelectMany(t => t.ChannelIds.Select(ch => (ch, t.Id))).GroupBy(x => x.ch).ToDictionary(g => g.Key, g => g.First().Id);
        var fallback = teams.FirstOrDefault(t => t.IsDefault)?.Id;
        var loose = await db.Conversations.Where(c => c.TeamId == null && c.Status != ConversationStatus.Resolved).Take(500).ToListAsync(ct);
        var changed = false;
        foreach (var c in loose)
        {
            var team = byChannel.TryGetValue(c.SourceChannelAccountId, out var t) ? t : fallback;
            if (team is null) continue;
            c.SetTeam(team);
            changed = true;
        }
        if (changed) await db.SaveChangesAsync(ct);
    }

    private async Task<int> DistributeAsync(Team team, List<OknoEvent> events, CancellationToken ct)
    {
        var waiting = (await DeskQueue.ListAsync(db, ct)).Where(e => e.TeamId == team.Id).ToList();
        if (waiting.Count == 0) return 0;
        var now = clock.GetUtcNow();
        var members = team.MemberIds.ToList();
        var presence = await db.Presence.Where(p => p.Status == PresenceStatus.Online).ToDictionaryAsync(p => p.UserId, ct);
        var active = (await db.Users.Where(u => u.IsActive).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).ToDictionary(u => u.Id, u => u.Name);
        var load = (await db.Conversations.Where(c => c.AssigneeId != null && c.Status != ConversationStatus.Resolved)
            .GroupBy(c => c.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
        bool Free(long user) => presence.ContainsKey(user) && active.ContainsKey(user) && load.GetValueOrDefault(user) < team.Capacity;

        var assigned = 0;
        foreach (var entry in waiting)
        {
            var c = await db.Conversations.FirstAsync(x => x.Id == entry.ConversationId, ct);
            if (c.AssigneeId is not null) continue;
            var former = c.TransferredFromId;
            var walled = await Walls.EthicalWalls.MembersAsync(db, c.Id, c.ContactId, ct); // behind a wall: only the named
            bool Eligible(long u) => Free(u) && u != former && (walled is null || walled.Contains(u));
            var pick = await StickyAsync(team, entry, now, Eligible, ct) is { } sticky ? (sticky, AssignmentReason.Sticky)
                : Choose(team, members.Where(Eligible).ToList(), load, presence, await AreasAsync(team, entry.ContactId, ct));
            if (pick is not ({ } user, var reason)) continue;
            if (former is not null) reason = AssignmentReason.AutoTransfer;
            c.AssignBy(user, reason, now);
            load[user] = load.GetValueOrDefault(user) + 1;
            presence[user].LastAssignedAt = now;
            if (reason == AssignmentReason.RoundRobin) team.LastAssignedUserId = user;
            db.Messages.Add(ConversationLog.Line(c, DeskLog.Assigned(active[user], reason), null, now, ConversationChange.Assigned));
            await db.SaveChangesAsync(ct);
            events.Add(new ConversationAssigned(c.Id, user, reason) { AssigneeId = user });
            events.Add(new ConversationUpdated(c.Id, ConversationChange.Assigned) { AssigneeId = user });
            events.Add(new UserNotified(user, "Вам назначено обращение: " + DeskLog.Why(reason) + ".", c.Id));
            assigned++;
        }
        return assigned;
    }

    /// <summary>The previous request's holder, within the team's sticky window, if online and under capacity.</summary>
    private async Task<long?> StickyAsync(Team team, QueueEntry entry, DateTimeOffset now, Func<long, bool> free, CancellationToken ct)
    {
        if (team.StickyDays <= 0) return null;
        var since = now - TimeSpan.FromDays(team.StickyDays);
        var previous = await db.Conversations.AsNoTracking()
            .Where(c => c.ContactId == entry.ContactId && c.Id != entry.ConversationId && c.AssigneeId != null && c.LastMessageAt >= since)
            .OrderByDescending(c => c.CreatedAt).Select(c => c.AssigneeId).FirstOrDefaultAsync(ct);
        return previous is { } p && free(p) ? p : null;
    }

    private async Task<IReadOnlyList<string>> AreasAsync(Team team, long contactId, CancellationToken ct)
    {
        if (team.Strategy != TeamStrategy.Skills) return [];
        var labels = await db.ContactLabels.Where(l => l.ContactId == contactId).Select(l => l.Text).ToListAsync(ct);
        var areas = team.PracticeAreas.Count == 0 ? labels : labels.Where(l => team.PracticeAreas.Contains(l, StringComparer.OrdinalIgnoreCase)).ToList();
        return areas;
    }

    private static (long, AssignmentReason)? Choose(Team team, List<long> free, Dictionary<long, int> load, Dictionary<long, UserPresence> presence, IReadOnlyList<string> areas)
    {
        if (free.Count == 0) return null;
        switch (team.Strategy)
        {
            case TeamStrategy.RoundRobin:
                var members = team.MemberIds.ToList();
                var start = team.LastAssignedUserId is { } last ? members.IndexOf(last) + 1 : 0;
                for (var i = 0; i < members.Count; i++)
                {
                    var candidate = members[(start + i) % members.Count];
                    if (free.Contains(candidate)) return (candidate, AssignmentReason.RoundRobin);
                }
                return null;
            case TeamStrategy.Skills:
                var skilled = free.Where(u => presence[u].PracticeAreas.Intersect(areas, StringComparer.OrdinalIgnoreCase).Any()).ToList();
                return (LeastLoaded(skilled.Count > 0 ? skilled : free, load, presence), AssignmentReason.Skills);
            default:
                return (LeastLoaded(free, load, presence), AssignmentReason.LeastLoaded);
        }
    }

    /// <summary>Fewest open requests; a tie goes to whoever has waited longest for a new one.</summary>
    private static long LeastLoaded(List<long> users, Dictionary<long, int> load, Dictionary<long, UserPresence> presence) =>
        users.OrderBy(u => load.GetValueOrDefault(u)).ThenBy(u => presence[u].LastAssignedAt ?? DateTimeOffset.MinValue).ThenBy(u => u).First();
}

/// <summary>The desk's lines in the conversation timeline.</summary>
public static class DeskLog
{
    public static string Why(AssignmentReason reason) => reason switch
    {
        AssignmentReason.RoundRobin => "по кругу",
        AssignmentReason.LeastLoaded => "наименее загруженному",
        AssignmentReason.Skills => "по специализации",
        AssignmentReason.Sticky => "прежнему сотруднику клиента",
        AssignmentReason.AutoTransfer => "автоматическая передача",
        AssignmentReason.Rule => "по правилу",
        _ => "вручную",
    };

    public static string Assigned(string to, AssignmentReason reason) =>
        $"Назначено автоматически ({Why(reason)}): {RussianNames.Decline(to, RussianNames.Case.Dative)}";

    public static string Transferred(string from, TimeSpan after) =>
        $"Передано автоматически: клиент ждал ответа {Minutes(after)} — забрано у {RussianNames.Decline(from, RussianNames.Case.Genitive)}";

    public static string WentOffline(string from) =>
        $"Передано автоматически: {from} не в сети — обращение вернулось в очередь";

    public static string Breached(string kind) => $"Нарушен срок SLA: {SlaKinds.Name(kind)}";

    public static string Escalated(string from, string kind) =>
        $"Передано автоматически: нарушен срок SLA ({SlaKinds.Name(kind)}) — забрано у {RussianNames.Decline(from, RussianNames.Case.Genitive)}";

    public static string QueueNotice(int position) => $"Клиенту отправлено место в очереди: №{position}";

    private static string Minutes(TimeSpan t) => t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes} мин." : $"{(int)t.TotalSeconds} с";

    /// <summary>A duration in words for people (notices), not ISO 8601.</summary>
    public static string Span(TimeSpan t) => Minutes(t);
}

public static class SlaKinds
{
    public const string FirstResponse = "first_response";
    public const string NextResponse = "next_response";
    public const string Resolution = "resolution";

    public static string Name(string kind) => kind switch
    {
        FirstResponse => "первый ответ",
        NextResponse => "следующий ответ",
        _ => "решение",
    };
}
