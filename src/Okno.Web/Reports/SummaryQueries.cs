using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Reports;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Reports;

/// <summary>
/// GET /api/v1/reports/summary: the period's requests grouped by one dimension. Counts and sums are one GROUP BY in
/// the database; medians and percentiles need the values, so the first-response and resolution times come back as
/// (key, seconds) pairs — two narrow columns — and are ranked in memory. Day, week and month group on the stored
/// local day (the firm's zone). 100 000 requests: see bench/README.md.
/// </summary>
public sealed class SummaryQueries(OknoDbContext db, BusinessTime zone, TimeProvider clock)
{
    public sealed record Agg<TKey>(TKey Key, int Requests, int HandOffs, int NotTarget, int Target, int Breached, int Reassignments, int Violations, int CsatCount, int CsatSum, int Overturned);

    public sealed record KV<TKey>(TKey Key, long Value);

    private sealed class Parts
    {
        public int Requests, HandOffs, NotTarget, Target, Breached, Reassignments, Violations, CsatCount, CsatSum, Overturned;
        public List<long> First { get; } = [];
        public List<long> Resolution { get; } = [];
    }

    public async Task<SummaryReport> LoadAsync(ReportFilter filter, CurrentUser me, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var group = ReportFilter.TryGroup(filter.GroupBy, out var g) ? g : ReportGroup.Day;
        var (from, to) = filter.Period(now);
        var q = (await filter.ApplyAsync(db, me, zone, now, ct)).AsNoTracking();
        // Overturned "not target" verdicts (decision 0027) are few: their ids go into the GROUP BY as one list.
        var overturned = await db.Conversations.AsNoTracking().Where(c => c.NotTargetOverturned).Select(c => c.Id).ToListAsync(ct);
        var parts = group switch
        {
            ReportGroup.Operator => await GroupAsync(q, overturned, r => r.AssigneeId, k => k?.ToString(CultureInfo.InvariantCulture) ?? ReportFilter.None, ct),
            ReportGroup.Team => await GroupAsync(q, overturned, r => r.TeamId, k => k?.ToString(CultureInfo.InvariantCulture) ?? ReportFilter.None, ct),
            ReportGroup.Channel => await GroupAsync(q, overturned, r => r.ChannelKind, k => k.ToWireName(), ct),
            ReportGroup.Account => await GroupAsync(q, overturned, r => r.ChannelId, k => k.ToString(), ct),
            ReportGroup.Source => await GroupAsync(q, overturned, r => r.Source, k => k, ct),
            ReportGroup.PracticeArea => await GroupAsync(q, overturned, r => r.PracticeArea, k => k ?? ReportFilter.None, ct),
            _ => await GroupAsync(q, overturned, r => r.LocalDay, d => ReportPeriods.Key(group, ReportPeriods.Start(group, FromDay(d))), ct),
        };
        var labels = await LabelsAsync(group, parts.Keys, ct);
        var rows = parts.Select(p => Row(p.Key, Masking.Text(labels(p.Key), me) ?? p.Key, p.Value)).ToList();
        rows = group is ReportGroup.Day or ReportGroup.Week or ReportGroup.Month
            ? rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList()
            : rows.OrderByDescending(r => r.Requests).ThenBy(r => r.Label, StringComparer.CurrentCulture).ToList();
        if (!me.SeesPhones) rows = rows.Select(r => r with { Key = Masking.Text(r.Key, me)! }).ToList();
        var total = new Parts();
        foreach (var p in parts.Values) Add(total, p);
        return new SummaryReport(ReportFilter.Wire(group), from, to, rows, Row("total", "Всего", total));
    }

    private static DateOnly FromDay(int d) => new(d / 10000, d / 100 % 100, d % 100);

    private static async Task<Dictionary<string, Parts>> GroupAsync<TKey>(IQueryable<RequestMetrics> q, List<long> overturned,
        Expression<Func<RequestMetrics, TKey>> key, Func<TKey, string> name, CancellationToken ct)
    {
        var aggregates = await q.GroupBy(key).Select(x => new Agg<TKey>(x.Key, x.Count(), x.Sum(r => r.HandOffs), x.Count(r => r.IsTarget == false),
            x.Count(r => r.IsTarget == true), x.Count(r => r.SlaBreaches > 0), x.Sum(r => r.Reassignments), x.Sum(r => r.QualityViolations),
            x.Count(r => r.Csat != null), x.Sum(r => r.Csat ?? 0), x.Count(r => overturned.Contains(r.ConversationId)))).ToListAsync(ct);
        var first = await q.Where(r => r.FirstResponseSeconds != null).Select(Pair(key, r => r.FirstResponseSeconds)).ToListAsync(ct);
        var resolution = await q.Where(r => r.ResolutionSeconds != null).Select(Pair(key, r => r.ResolutionSeconds)).ToListAsync(ct);
        var parts = new Dictionary<string, Parts>(StringComparer.Ordinal);
        Parts Of(TKey k)
        {
            var n = name(k);
            if (!parts.TryGetValue(n, out var p)) parts[n] = p = new Parts();
            return p;
        }
        foreach (var a in aggregates)
        {
            var p = Of(a.Key);
            p.Requests += a.Requests; p.HandOffs += a.HandOffs; p.NotTarget += a.NotTarget; p.Target += a.Target; p.Breached += a.Breached;
            p.Reassignments += a.Reassignments; p.Violations += a.Violations; p.CsatCount += a.CsatCount; p.CsatSum += a.CsatSum;
            p.Overturned += a.Overturned;
        }
        foreach (var v in first) Of(v.Key).First.Add(v.Value);
        foreach (var v in resolution) Of(v.Key).Resolution.Add(v.Value);
        return parts;
    }

    /// <summary>r => new KV(key(r), (long)value(r)): the key's expression and a value column in one projection.</summary>
    private static Expression<Func<RequestMetrics, KV<TKey>>> Pair<TKey>(Expression<Func<RequestMetrics, TKey>> key, Expression<Func<RequestMetrics, long?>> value)
    {
        var r = key.Parameters[0];
        var v = new Rebind(value.Parameters[0], r).Visit(value.Body);
        return Expression.Lambda<Func<RequestMetrics, KV<TKey>>>(
            Expression.New(typeof(KV<TKey>).GetConstructors()[0], key.Body, Expression.Convert(v, typeof(long))), r);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private static void Add(Parts into, Parts p)
    {
        into.Requests += p.Requests; into.HandOffs += p.HandOffs; into.NotTarget += p.NotTarget; into.Target += p.Target; into.Breached += p.Breached;
        into.Reassignments += p.Reassignments; into.Violations += p.Violations; into.CsatCount += p.CsatCount; into.CsatSum += p.CsatSum;
        into.Overturned += p.Overturned;
        into.First.AddRange(p.First);
        into.Resolution.AddRange(p.Resolution);
    }

    private async Task<Func<string, string>> LabelsAsync(ReportGroup group, IEnumerable<string> keys, CancellationToken ct)
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
                var ids = keys.Select(Guid.Parse).ToList();
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

    private static SummaryRow Row(string key, string label, Parts p)
    {
        var first = p.First;
        var resolution = p.Resolution;
        return new SummaryRow(key, label, p.Requests, ReportStats.Median(first), ReportStats.Percentile(first, 90), ReportStats.Median(resolution),
            p.HandOffs, p.NotTarget, p.Breached, p.CsatCount == 0 ? null : Math.Round((double)p.CsatSum / p.CsatCount, 2),
            p.Target, p.Target + p.NotTarget == 0 ? null : Math.Round((double)p.Target / (p.Target + p.NotTarget), 4),
            first.Count == 0 ? null : Math.Round(first.Average(), 1), ReportStats.Percentile(resolution, 90), first.Count, resolution.Count,
            p.Reassignments, p.CsatCount, p.Violations, p.Overturned);
    }
}
