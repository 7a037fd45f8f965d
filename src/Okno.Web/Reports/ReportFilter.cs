using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Reports;
using Okno.Web.Auth;

namespace Okno.Web.Reports;

/// <summary>What a report dimension groups by (the <c>groupBy</c> query value).</summary>
public enum ReportGroup { Operator, Team, Channel, Account, Source, PracticeArea, Day, Week, Month }

/// <summary>
/// The query string of /api/v1/reports/summary and /requests: a period (requests created in [from, to); default the last
/// 30 days), optional narrowing, and for a drill-down a group and its key as the summary gave them.
/// </summary>
public sealed record ReportFilter(DateTimeOffset? From, DateTimeOffset? To, long? OperatorId, Guid? ChannelId, string? Source, long? TeamId,
    string? PracticeArea, string? GroupBy, string? Key, string? Format, string? Cursor, int? Limit, string? Separator)
{
    public const string None = "none";
    public const int DefaultLimit = 50, MaxLimit = 500;
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);
    private static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(3 * 366 + 1);

    public static string GroupNames => "operator, team, channel, account, source, practiceArea, day, week, month";

    public static bool TryGroup(string? value, out ReportGroup group) =>
        Enum.TryParse(value, ignoreCase: true, out group) && Enum.IsDefined(group);

    public static string Wire(ReportGroup g) => g == ReportGroup.PracticeArea ? "practiceArea" : g.ToString().ToLowerInvariant();

    public (DateTimeOffset From, DateTimeOffset To) Period(DateTimeOffset now)
    {
        var to = (To ?? now).ToUniversalTime();
        return ((From ?? to - DefaultPeriod).ToUniversalTime(), to);
    }

    public Dictionary<string, string[]> Problems(DateTimeOffset now, bool groupRequired, IEnumerable<string> formats)
    {
        var errors = new Dictionary<string, string[]>();
        var (from, to) = Period(now);
        if (from > to) errors["from"] = ["Начало периода позже его конца."];
        else if (to - from > MaxPeriod) errors["from"] = ["Период — не больше трёх лет."];
        if (GroupBy is { Length: > 0 } g && !TryGroup(g, out _)) errors["groupBy"] = ["groupBy: " + GroupNames + "."];
        else if (groupRequired && GroupBy is null) { /* the default (day) applies */ }
        if (Key is not null && GroupBy is null) errors["key"] = ["key задают вместе с groupBy."];
        if (Key is { Length: > RequestMetrics.MaxSource }) errors["key"] = ["Слишком длинный key."];
        if (GroupBy is { } gb && TryGroup(gb, out var group) && Key is { } k && !KeyValid(group, k)) errors["key"] = ["key не подходит к groupBy: возьмите его из строки отчёта."];
        if (Source is { Length: > RequestMetrics.MaxSource }) errors["source"] = ["Слишком длинный source."];
        if (PracticeArea is { Length: > RequestMetrics.MaxTag }) errors["practiceArea"] = ["Слишком длинная практика."];
        if (Format is { } f && !formats.Contains(f, StringComparer.OrdinalIgnoreCase)) errors["format"] = ["format: " + string.Join(", ", formats) + "."];
        if (Separator is { } s && s is not ("," or ";")) errors["separator"] = ["separator: «,» или «;»."];
        if (Cursor is { Length: > 0 } c && !long.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out _)) errors["cursor"] = ["Неверный курсор."];
        if (Limit is < 1 or > MaxLimit) errors["limit"] = [$"limit: от 1 до {MaxLimit}."];
        return errors;
    }

    private static bool KeyValid(ReportGroup group, string key) => group switch
    {
        ReportGroup.Operator or ReportGroup.Team => key == None || long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        ReportGroup.Channel => ChannelKinds.TryParse(key, out _),
        ReportGroup.Account => Guid.TryParse(key, out _),
        ReportGroup.Day or ReportGroup.Week => DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        ReportGroup.Month => DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };

    /// <summary>The rows this filter selects (the caller has checked <see cref="Problems"/>), within what the user may see.</summary>
    public async Task<IQueryable<RequestMetrics>> ApplyAsync(OknoDbContext db, CurrentUser me, BusinessTime zone, DateTimeOffset now, CancellationToken ct)
    {
        var (from, to) = Period(now);
        IQueryable<RequestMetrics> q = db.RequestMetrics.Where(r => r.CreatedAt >= from && r.CreatedAt < to);
        // The one visibility rule (walls included). Its only shortcut: a role that sees all, with no wall anywhere, sees every row.
        if (!ConversationAccess.SeesAll(me.Role) || await db.EthicalWalls.AnyAsync(ct))
        {
            var visible = db.Conversations.VisibleTo(db, me.Id, me.Role);
            q = q.Where(r => visible.Any(c => c.Id == r.ConversationId));
        }
        if (OperatorId is { } op) q = q.Where(r => r.AssigneeId == op);
        if (ChannelId is { } ch) q = q.Where(r => r.ChannelId == ch);
        if (Source is { Length: > 0 } src) q = q.Where(r => r.Source == src);
        if (TeamId is { } team) q = q.Where(r => r.TeamId == team);
        if (PracticeArea is { Length: > 0 } area) q = q.Where(r => r.PracticeArea == area);
        if (GroupBy is { } g && TryGroup(g, out var group) && Key is { } key) q = Drill(q, group, key, zone);
        return q;
    }

    private static IQueryable<RequestMetrics> Drill(IQueryable<RequestMetrics> q, ReportGroup group, string key, BusinessTime zone)
    {
        long? Id() => key == None ? null : long.Parse(key, CultureInfo.InvariantCulture);
        switch (group)
        {
            case ReportGroup.Operator: { var id = Id(); return id is null ? q.Where(r => r.AssigneeId == null) : q.Where(r => r.AssigneeId == id); }
            case ReportGroup.Team: { var id = Id(); return id is null ? q.Where(r => r.TeamId == null) : q.Where(r => r.TeamId == id); }
            case ReportGroup.Channel: return ChannelKinds.TryParse(key, out var kind) ? q.Where(r => r.ChannelKind == kind) : q.Where(r => false);
            case ReportGroup.Account: { var id = Guid.Parse(key); return q.Where(r => r.ChannelId == id); }
            case ReportGroup.Source: return q.Where(r => r.Source == key);
            case ReportGroup.PracticeArea: return key == None ? q.Where(r => r.PracticeArea == null) : q.Where(r => r.PracticeArea == key);
            default:
                var (first, last) = ReportPeriods.Days(group, key);
                return q.Where(r => r.LocalDay >= first && r.LocalDay <= last);
        }
    }
}
