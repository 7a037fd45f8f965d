using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Operators;

namespace Okno.Core.Desk;

/// <summary>
/// Keeps every open request's SLA current: the policy (most specific match of team / channel / label), the due
/// times (business time when the policy says so), the state (ok, at risk at 80 %, breached). A breach is recorded
/// once per due time, written in the timeline, pushed, and told to the assignee and the team's supervisors.
/// Snoozed and pending ("waiting for the client") requests do not run the first/next-response clocks.
/// </summary>
public sealed class SlaClock(OknoDbContext db, TimeProvider clock, DeskOptions options)
{
    public async Task RunAsync(List<OknoEvent> events, CancellationToken ct)
    {
        var policies = await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        var open = await db.Conversations.Where(c => c.Status != ConversationStatus.Resolved && (policies.Count > 0 || c.SlaPolicyId != null)).ToListAsync(ct);
        if (open.Count == 0) return;
        var now = clock.GetUtcNow();
        var teams = await db.Teams.AsNoTracking().ToListAsync(ct);
        var calendars = await DeskCalendars.ForTeamsAsync(db, teams, ct);
        var contactIds = open.Select(c => c.ContactId).Distinct().ToList();
        var labels = (await db.ContactLabels.Where(l => contactIds.Contains(l.ContactId)).Select(l => new { l.ContactId, l.Text }).ToListAsync(ct))
            .ToLookup(l => l.ContactId, l => l.Text);
        List<long>? supervisors = null;
        foreach (var c in open)
        {
            var policy = Pick(policies, c, labels[c.ContactId].ToList());
            if (policy?.Id != c.SlaPolicyId || !c.SlaChecked) c.SetSlaPolicy(policy?.Id);
            if (policy is null)
            {
                if (c.FirstResponseDueAt != null || c.NextResponseDueAt != null || c.ResolutionDueAt != null || c.SlaState != SlaState.Ok) c.SetSla(null, null, null, SlaState.Ok);
                continue;
            }
            var calendar = policy.BusinessHoursOnly && c.TeamId is { } t ? calendars.GetValueOrDefault(t) : null;
            var paused = c.Status is ConversationStatus.Snoozed or ConversationStatus.Pending;
            var clocks = new List<(string Kind, DateTimeOffset Start, DateTimeOffset Due)>();
            DateTimeOffset? Due(string kind, bool runs, DateTimeOffset? start, long? seconds)
            {
                if (!runs || start is not { } s || seconds is not { } sec) return null;
                var due = BusinessCalendar.Add(calendar, s, TimeSpan.FromSeconds(sec));
                clocks.Add((kind, s, due));
                return due;
            }
            var first = Due(SlaKinds.FirstResponse, !paused && c.FirstResponseAt is null, c.CreatedAt, policy.FirstResponseSeconds);
            var next = Due(SlaKinds.NextResponse, !paused && c.FirstResponseAt is not null, c.WaitingSince, policy.NextResponseSeconds);
            var resolution = Due(SlaKinds.Resolution, true, c.CreatedAt, policy.ResolutionSeconds);

            var state = SlaState.Ok;
            (string Kind, DateTimeOffset Due)? risk = null;
            foreach (var (kind, start, due) in clocks)
            {
                if (now >= due)
                {
                    state = SlaState.Breached;
                    if (!c.RecordBreach(kind, due)) continue;
                    db.Messages.Add(ConversationLog.Line(c, DeskLog.Breached(kind), null, now));
                    events.Add(new SlaBreached(c.Id, kind, due) { AssigneeId = c.AssigneeId });
                    supervisors ??= await db.Users.Where(u => u.IsActive && u.Role == UserRole.Supervisor).Select(u => u.Id).ToListAsync(ct);
                    var team = teams.FirstOrDefault(x => x.Id == c.TeamId);
                    var told = team?.MemberIds.Intersect(supervisors).ToList() is { Count: > 0 } own ? own : supervisors;
                    foreach (var user in told.Append(c.AssigneeId ?? 0).Where(u => u != 0).Distinct())
                        events.Add(new UserNotified(user, $"Нарушен срок SLA ({SlaKinds.Name(kind)}).", c.Id));
                    if (policy.Escalation == SlaEscalation.Reassign && c.AssigneeId is { } holder) await EscalateAsync(c, holder, kind, now, events, ct);
                    continue;
                }
                var total = due - start;
                var spent = BusinessCalendar.Elapsed(calendar, start, now);
                if (total > TimeSpan.Zero && spent.Ticks >= total.Ticks * options.AtRiskShare && state == SlaState.Ok) { state = SlaState.AtRisk; risk = (kind, due); }
            }
            if (state == SlaState.AtRisk && c.SlaState == SlaState.Ok && risk is { } r)
                events.Add(new SlaAtRisk(c.Id, r.Kind, r.Due) { AssigneeId = c.AssigneeId });
            if (c.FirstResponseDueAt != first || c.NextResponseDueAt != next || c.ResolutionDueAt != resolution || c.SlaState != state)
                c.SetSla(first, next, resolution, state);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The escalation step "reassign": back to the queue (not to the same person), the router gives it to the next one.</summary>
    private async Task EscalateAsync(Conversation c, long holder, string kind, DateTimeOffset now, List<OknoEvent> events, CancellationToken ct)
    {
        var name = await db.Users.Where(u => u.Id == holder).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? $"сотрудник №{holder}";
        c.TransferAway();
        db.Messages.Add(ConversationLog.Line(c, DeskLog.Escalated(name, kind), null, now, ConversationChange.Transferred));
        events.Add(new ConversationUpdated(c.Id, ConversationChange.Transferred));
        events.Add(new UserNotified(holder, $"Обращение передано другому: нарушен срок SLA ({SlaKinds.Name(kind)}).", c.Id));
    }

    /// <summary>Policies whose conditions all hold; the one with the most conditions wins, then the oldest.</summary>
    public static SlaPolicy? Pick(IReadOnlyList<SlaPolicy> policies, Conversation c, IReadOnlyList<string> labels) =>
        policies.Select(p => (p, Channels: Read<Guid>(p.ChannelIdsJson), Labels: Read<string>(p.LabelsJson)))
            .Where(x => (x.p.TeamId is null || x.p.TeamId == c.TeamId)
                && (x.Channels.Count == 0 || x.Channels.Contains(c.SourceChannelAccountId))
                && (x.Labels.Count == 0 || x.Labels.Intersect(labels, StringComparer.OrdinalIgnoreCase).Any()))
            .OrderByDescending(x => (x.p.TeamId is null ? 0 : 1) + (x.Channels.Count == 0 ? 0 : 1) + (x.Labels.Count == 0 ? 0 : 1))
            .ThenBy(x => x.p.Id).Select(x => x.p).FirstOrDefault();

    private static List<T> Read<T>(string json) => string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<T>>(json) ?? [];
}
