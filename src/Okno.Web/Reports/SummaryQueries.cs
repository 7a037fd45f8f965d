using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Reports;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Reports;

/// <summary>
/// GET /api/v1/reports/summary: the period's requests grouped by one dimension. The rows of the period are read once
/// (a narrow projection of the metrics table) and folded in memory — medians and percentiles need the values, and
/// 100 000 requests take well under a second (bench/README.md).
/// </summary>
public sealed class SummaryQueries(OknoDbContext db, BusinessTime zone, TimeProvider clock)
{
    private sealed record Point(long? AssigneeId, long? TeamId, ChannelKind Kind, Guid ChannelId, string Source, string? PracticeArea, DateTimeOffset CreatedAt,
        long? FirstResponse, long? Resolution, int HandOffs, int Reassignments, bool? IsTarget, int SlaBreaches, int? Csat, int Violations, long ConversationId);

    public async Task<SummaryReport> LoadAsync(ReportFilter filter, CurrentUser me, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var group = ReportFilter.TryGroup(filter.GroupBy, out var g) ? g : ReportGroup.Day;
        var (from, to) = filter.Period(now);
        var points = await (await filter.ApplyAsync(db, me, zone, now, ct)).AsNoTracking()
            .Select(r => new Point(r.AssigneeId, r.TeamId, r.ChannelKind, r.ChannelId, r.Source, r.PracticeArea, r.CreatedAt,
                r.FirstResponseSeconds, r.ResolutionSeconds, r.HandOffs, r.Reassignments, r.IsTarget, r.SlaBreaches, r.Csat, r.QualityViolations, r.ConversationId))
            .ToListAsync(ct);
        // Overturned "not target" verdicts (decision 0027) are few: one small read, not a join per row.
        var overturned = (await db.Conversations.AsNoTracking().Where(c => c.NotTargetOverturned).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var labels = await LabelsAsync(group, points, ct);
        var rows = points.GroupBy(p => KeyOf(group, p))
            .Select(x => Row(x.Key, Masking.Text(labels(x.Key), me) ?? x.Key, x.ToList(), overturned))
            .ToList();
        rows = group is ReportGroup.Day or ReportGroup.Week or ReportGroup.Month
            ? rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList()
            : rows.OrderByDescending(r => r.Requests).ThenBy(r => r.Label, StringComparer.CurrentCulture).ToList();
        if (!me.SeesPhones) rows = rows.Select(r => r with { Key = Masking.Text(r.Key, me)! }).ToList();
        return new SummaryReport(ReportFilter.Wire(group), from, to, rows, Row("total", "Всего", points, overturned));
    }

    private string KeyOf(ReportGroup group, Point p) => group switch
    {
        ReportGroup.Operator => p.AssigneeId?.ToString(CultureInfo.InvariantCulture) ?? ReportFilter.None,
        ReportGroup.Team => p.TeamId?.ToString(CultureInfo.InvariantCulture) ?? ReportFilter.None,
        ReportGroup.Channel => p.Kind.ToWireName(),
        ReportGroup.Account => p.ChannelId.ToString(),
        ReportGroup.Source => p.Source,
        ReportGroup.PracticeArea => p.PracticeArea ?? ReportFilter.None,
        _ => ReportPeriods.Key(group, ReportPeriods.Start(group, DateOnly.FromDateTime(zone.Local(p.CreatedAt).DateTime))),
    };

    private async Task<Func<string, string>> LabelsAsync(ReportGroup group, List<Point> points, CancellationToken ct)
    {
        switch (group)
        {
            case ReportGroup.Operator:
            {
                var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id.ToString(CultureInfo.InvariantCulture), u => u.Name, ct);
                return k => k == ReportFilter.None ? "Не назначено" : names.GetValueOrDefault(k) ?? $"сотрудник №{k}";
            }
            case ReportGroup.Team:
            {
                var names = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id.ToString(CultureInfo.InvariantCulture), t => t.Name, ct);
                return k => k == ReportFilter.None ? "Без отдела" : names.GetValueOrDefault(k) ?? $"отдел №{k}";
            }
            case ReportGroup.Channel:
                return k => ChannelKinds.TryParse(k, out var kind) ? kind.Describe().Title : k;
            case ReportGroup.Account:
            {
                var ids = points.Select(p => p.ChannelId).Distinct().ToList();
                var names = await db.ChannelAccounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id.ToString(), a => a.Name, ct);
                return k => names.GetValueOrDefault(k) ?? k;
            }
            case ReportGroup.Source:
                return LeadSource.Label;
            case ReportGroup.PracticeArea:
                return k => k == ReportFilter.None ? "Не указана" : k;
            default:
                return k => ReportPeriods.Label(group, DateOnly.ParseExact(group == ReportGroup.Month ? k + "-01" : k, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    private static SummaryRow Row(string key, string label, List<Point> points, HashSet<long> overturned)
    {
        var first = points.Where(p => p.FirstResponse is not null).Select(p => p.FirstResponse!.Value).ToList();
        var resolution = points.Where(p => p.Resolution is not null).Select(p => p.Resolution!.Value).ToList();
        var csat = points.Where(p => p.Csat is not null).Select(p => p.Csat!.Value).ToList();
        int target = points.Count(p => p.IsTarget == true), notTarget = points.Count(p => p.IsTarget == false);
        return new SummaryRow(key, label, points.Count, ReportStats.Median(first), ReportStats.Percentile(first, 90), ReportStats.Median(resolution),
            points.Sum(p => p.HandOffs), notTarget, points.Count(p => p.SlaBreaches > 0), csat.Count == 0 ? null : Math.Round(csat.Average(), 2),
            target, target + notTarget == 0 ? null : Math.Round((double)target / (target + notTarget), 4),
            first.Count == 0 ? null : Math.Round(first.Average(), 1), ReportStats.Percentile(resolution, 90), first.Count, resolution.Count,
            points.Sum(p => p.Reassignments), csat.Count, points.Sum(p => p.Violations), points.Count(p => overturned.Contains(p.ConversationId)));
    }
}
