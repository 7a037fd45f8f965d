using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Desk;
using Okno.Core.Operators;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Desk;

public sealed record BoardPerson(long Id, string Name, UserRole Role, PresenceStatus Status, DateTimeOffset? Since, int Open, int Capacity, IReadOnlyList<string> Teams);

public sealed record BoardRisk(long ConversationId, string Name, string? Assignee, string? Team, SlaState State, DateTimeOffset? DueAt);

public sealed record BoardQueue(string Team, int Waiting, DateTimeOffset? LongestSince);

public sealed record BoardView(IReadOnlyList<BoardPerson> People, IReadOnlyList<BoardRisk> Risks, IReadOnlyList<BoardQueue> Queues);

/// <summary>The supervisor board: who is online and how much each holds, what is at risk or breached, how long the queues are.</summary>
public sealed class DeskBoardQueries(OknoDbContext db)
{
    public async Task<BoardView> LoadAsync(CurrentUser me, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.Name, u.Role }).ToListAsync(ct);
        var presence = await db.Presence.AsNoTracking().ToDictionaryAsync(p => p.UserId, ct);
        var load = (await db.Conversations.Where(c => c.AssigneeId != null && c.Status != ConversationStatus.Resolved)
            .GroupBy(c => c.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
        var people = users.Select(u =>
        {
            var own = teams.Where(t => t.MemberIds.Contains(u.Id)).ToList();
            var p = presence.GetValueOrDefault(u.Id);
            return new BoardPerson(u.Id, u.Name, u.Role, p?.Status ?? PresenceStatus.Offline, p?.Since, load.GetValueOrDefault(u.Id),
                own.Count == 0 ? 0 : own.Max(t => t.Capacity), own.Select(t => t.Name).ToList());
        }).OrderBy(p => p.Status).ThenByDescending(p => p.Open).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();

        var risky = await db.Conversations.AsNoTracking().VisibleTo(db, me.Id, me.Role)
            .Where(c => c.Status != ConversationStatus.Resolved && c.SlaPolicyId != null && c.SlaState != SlaState.Ok)
            .OrderByDescending(c => c.SlaState).ThenBy(c => c.Id).Take(50)
            .Select(c => new { C = c, Name = db.Contacts.Where(x => x.Id == c.ContactId).Select(x => x.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var names = users.ToDictionary(u => u.Id, u => u.Name);
        var risks = risky.Select(r =>
        {
            var marks = Ui.DeskMarks.Of(r.C, null);
            return new BoardRisk(r.C.Id, Masking.Text(r.Name, me) ?? $"Клиент №{r.C.ContactId}", r.C.AssigneeId is { } a ? names.GetValueOrDefault(a) : null,
                teams.FirstOrDefault(t => t.Id == r.C.TeamId)?.Name, marks.SlaState, marks.SlaDueAt);
        }).OrderByDescending(r => r.State).ThenBy(r => r.DueAt ?? DateTimeOffset.MaxValue).ToList();

        var queues = (await DeskQueue.ListAsync(db, ct)).GroupBy(e => e.TeamId)
            .Select(g => new BoardQueue(teams.FirstOrDefault(t => t.Id == g.Key)?.Name ?? "—", g.Count(), g.Min(e => e.WaitingSince)))
            .OrderByDescending(q => q.Waiting).ToList();
        return new BoardView(people, risks, queues);
    }
}
