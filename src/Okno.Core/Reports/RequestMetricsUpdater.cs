using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Desk;

namespace Okno.Core.Reports;

/// <summary>Recomputes the <see cref="RequestMetrics"/> rows of some requests from their history, in one save.</summary>
public sealed class RequestMetricsUpdater(OknoDbContext db, TimeProvider clock, BusinessTime zone)
{
    public async Task<int> RecomputeAsync(IReadOnlyCollection<long> conversationIds, CancellationToken ct, bool retried = false)
    {
        if (conversationIds.Count == 0) return 0;
        var ids = conversationIds.Distinct().ToList();
        var conversations = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var rows = await db.RequestMetrics.Where(r => ids.Contains(r.ConversationId)).ToDictionaryAsync(r => r.ConversationId, ct);
        if (conversations.Count == 0) return 0;

        var accountIds = conversations.Select(c => c.SourceChannelAccountId).Distinct().ToList();
        var kinds = await db.ChannelAccounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Kind, ct);
        var calendars = await CalendarsAsync(ct);
        var areas = await db.Teams.AsNoTracking().Select(t => t.PracticeAreasJson).ToListAsync(ct);
        var practiceAreas = areas.SelectMany(j => System.Text.Json.JsonSerializer.Deserialize<List<string>>(j) ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var contactIds = conversations.Select(c => c.ContactId).Distinct().ToList();
        var labels = (practiceAreas.Count == 0 ? [] : await db.ContactLabels.AsNoTracking().Where(l => contactIds.Contains(l.ContactId))
            .Select(l => new LabelRow(l.ContactId, l.Text)).ToListAsync(ct)).ToLookup(l => l.ContactId, l => l.Text);
        var facts = (await db.Messages.AsNoTracking().Where(m => ids.Contains(m.ConversationId))
            .Select(m => new { m.ConversationId, Fact = new MessageFact(m.Id, m.Direction, m.Kind, m.AuthorId, m.Status, m.CreatedAt, m.Action) })
            .ToListAsync(ct)).ToLookup(x => x.ConversationId, x => x.Fact);
        var violations = await db.QualityViolations.AsNoTracking().Where(v => ids.Contains(v.ConversationId))
            .GroupBy(v => v.ConversationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var now = clock.GetUtcNow();

        foreach (var c in conversations)
        {
            var calendar = c.TeamId is { } team && calendars.Teams.TryGetValue(team, out var cal) ? cal : calendars.Firm;
            var isNew = !rows.TryGetValue(c.Id, out var row);
            row ??= new RequestMetrics { ConversationId = c.Id };
            var kind = kinds.TryGetValue(c.SourceChannelAccountId, out var k) ? k : default;
            // Retention removed the content: the numbers computed before stay (the row exists for statistics), the
            // campaign stays, the page and referrer (they may carry a client's data) go.
            var retained = c.RetainedAt is not null && !isNew;
            if (!retained)
            {
                var r = MetricsCalculator.Compute(facts[c.Id], calendar);
                var source = LeadSource.From(kind, c.SourceDetails);
                row.Source = source.Key;
                row.Page = source.Page;
                row.Referrer = source.Referrer;
                row.UtmSource = source.UtmSource;
                row.UtmMedium = source.UtmMedium;
                row.UtmCampaign = source.UtmCampaign;
                row.AvitoItem = source.AvitoItem;
                row.FirstInboundAt = r.FirstInboundAt;
                row.FirstResponseSeconds = r.FirstResponse;
                row.FirstResponseBusinessSeconds = r.FirstResponseBusiness;
                row.Responses = r.Responses;
                row.AverageResponseSeconds = r.Average;
                row.MaxResponseSeconds = r.Max;
                row.HandOffs = r.HandOffs;
                row.Reassignments = r.Reassignments;
                row.MessagesIn = r.In;
                row.MessagesOut = r.Out;
                row.QualityViolations = violations.GetValueOrDefault(c.Id);
            }
            else
            {
                row.Page = null;
                row.Referrer = null;
            }
            row.LastMessageId = facts[c.Id].Select(f => f.Id).DefaultIfEmpty(0).Max();
            row.Version = RequestMetrics.CurrentVersion;
            row.ComputedAt = now;
            row.CreatedAt = c.CreatedAt;
            row.LocalDay = Day(zone.Local(c.CreatedAt));
            row.ContactId = c.ContactId;
            row.Status = c.Status;
            row.AssigneeId = c.AssigneeId;
            row.TeamId = c.TeamId;
            row.ChannelKind = kind;
            row.ChannelId = c.SourceChannelAccountId;
            row.ResolutionSeconds = c.ResolvedAt is { } resolved ? MetricsCalculator.Seconds(resolved - c.CreatedAt) : null;
            row.ResolutionBusinessSeconds = c.ResolvedAt is { } at ? MetricsCalculator.Seconds(BusinessCalendar.Elapsed(calendar, c.CreatedAt, at)) : null;
            row.SlaState = c.SlaPolicyId is null && c.SlaBreaches.Count == 0 ? null : c.SlaState;
            row.SlaBreaches = c.SlaBreaches.Count;
            row.IsTarget = c.IsTarget;
            row.NotTargetReason = c.NotTargetReason;
            row.Csat = c.CsatScore;
            row.PracticeArea = labels[c.ContactId].Where(practiceAreas.Contains).Order(StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } area
                ? (area.Length > RequestMetrics.MaxTag ? area[..RequestMetrics.MaxTag] : area) : null;
            if (isNew) db.RequestMetrics.Add(row);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another node inserted some of these rows first (start-up on two nodes): compute again over the rows as they are.
            db.ChangeTracker.Clear();
            if (retried) throw;
            return await RecomputeAsync(conversationIds, ct, retried: true);
        }
        return conversations.Count;
    }

    public static int Day(DateTimeOffset local) => local.Year * 10000 + local.Month * 100 + local.Day;

    private sealed record LabelRow(long ContactId, string Text);

    private sealed record Calendars(Dictionary<long, BusinessCalendar> Teams, BusinessCalendar? Firm);

    /// <summary>A request is measured on its team's working schedule; without one, on the firm's first schedule; without any, on the wall clock.</summary>
    private async Task<Calendars> CalendarsAsync(CancellationToken ct)
    {
        var hours = await db.BusinessHours.AsNoTracking().OrderBy(h => h.Id).ToListAsync(ct);
        if (hours.Count == 0) return new Calendars([], null);
        var byId = hours.ToDictionary(h => h.Id, BusinessCalendar.From);
        var teams = await db.Teams.AsNoTracking().Where(t => t.BusinessHoursId != null).Select(t => new { t.Id, t.BusinessHoursId }).ToListAsync(ct);
        return new Calendars(teams.Where(t => byId.ContainsKey(t.BusinessHoursId!.Value)).ToDictionary(t => t.Id, t => byId[t.BusinessHoursId!.Value]), byId[hours[0].Id]);
    }
}
