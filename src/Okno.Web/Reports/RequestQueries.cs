using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Desk;
using Okno.Core.Reports;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Reports;

/// <summary>
/// GET /api/v1/reports/requests: one row per request behind any number of the summary, newest first, cursor-paged
/// (JSON) or streamed whole (CSV, XLSX). Client names and phones are masked per the reader's role, as everywhere.
/// </summary>
public sealed class RequestQueries(OknoDbContext db, BusinessTime zone, TimeProvider clock)
{
    private sealed record Raw(RequestMetrics M, string? ContactName, string? Phone, string? AssigneeName, string? ChannelLabel);

    private async Task<IQueryable<Raw>> QueryAsync(ReportFilter filter, CurrentUser me, CancellationToken ct)
    {
        var q = (await filter.ApplyAsync(db, me, zone, clock.GetUtcNow(), ct)).AsNoTracking();
        if (filter.Cursor is { Length: > 0 } c)
        {
            var before = long.Parse(c, CultureInfo.InvariantCulture);
            q = q.Where(r => r.ConversationId < before);
        }
        return q.OrderByDescending(r => r.ConversationId).Select(r => new Raw(r,
            db.Contacts.Where(x => x.Id == r.ContactId).Select(x => x.Name).FirstOrDefault(),
            db.Identities.Where(i => i.ContactId == r.ContactId && (i.Kind == IdentityKind.Phone || i.Kind == IdentityKind.ClaimedPhone))
                .OrderBy(i => i.Kind == IdentityKind.Phone ? 0 : 1).ThenBy(i => i.Id).Select(i => i.Value).FirstOrDefault(),
            db.Users.Where(u => u.Id == r.AssigneeId).Select(u => u.Name).FirstOrDefault(),
            db.ChannelAccounts.Where(a => a.Id == r.ChannelId).Select(a => a.Name).FirstOrDefault()));
    }

    public async Task<RequestPage> PageAsync(ReportFilter filter, CurrentUser me, CancellationToken ct)
    {
        var limit = filter.Limit ?? ReportFilter.DefaultLimit;
        var rows = await (await QueryAsync(filter, me, ct)).Take(limit + 1).ToListAsync(ct);
        var items = rows.Take(limit).Select(r => Row(r, me)).ToList();
        return new RequestPage(items, rows.Count > limit ? items[^1].ConversationId.ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>Every row of the filter, read from the database as it is written out (never the whole list in memory).</summary>
    public async IAsyncEnumerable<RequestRow> StreamAsync(ReportFilter filter, CurrentUser me, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var query = await QueryAsync(filter with { Cursor = null }, me, ct);
        await foreach (var r in query.AsAsyncEnumerable().WithCancellation(ct)) yield return Row(r, me);
    }

    /// <summary>The same rows, synchronously (the XLSX writer pulls rows one by one).</summary>
    public async Task<IEnumerable<RequestRow>> StreamSyncAsync(ReportFilter filter, CurrentUser me, CancellationToken ct)
    {
        var query = await QueryAsync(filter with { Cursor = null }, me, ct);
        return query.AsEnumerable().Select(r => Row(r, me));
    }

    private static RequestRow Row(Raw raw, CurrentUser me)
    {
        var m = raw.M;
        string? T(string? s) => Masking.Text(s, me);
        return new RequestRow(m.ConversationId, m.CreatedAt, m.ChannelKind.ToWireName(), m.ChannelId, T(raw.ChannelLabel), T(m.Source)!, T(LeadSource.Label(m.Source))!,
            m.AssigneeId, raw.AssigneeName, m.TeamId, m.Status.ToString().ToLowerInvariant(), m.FirstResponseSeconds, m.FirstResponseBusinessSeconds,
            m.AverageResponseSeconds, m.MaxResponseSeconds, m.ResolutionSeconds, m.ResolutionBusinessSeconds, m.HandOffs, m.Reassignments,
            m.MessagesIn, m.MessagesOut, m.SlaState is { } s ? DeskNames.Wire(s) : null, m.SlaBreaches, m.IsTarget, T(m.NotTargetReason), m.PracticeArea, m.Csat,
            m.QualityViolations, T(m.UtmSource), T(m.UtmMedium), T(m.UtmCampaign), T(m.Page), T(m.Referrer), m.AvitoItem,
            m.ContactId, T(raw.ContactName), raw.Phone is null ? null : me.SeesPhones ? raw.Phone : PhoneMask.Mask(raw.Phone));
    }
}
