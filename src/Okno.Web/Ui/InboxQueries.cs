using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Operators;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Ui;

/// <summary>The inbox list and its counters, with the same visibility rules as the REST API.</summary>
public sealed class InboxQueries(OknoDbContext db)
{
    public const int Limit = 100;

    public async Task<IReadOnlyList<InboxRow>> ListAsync(CurrentUser me, InboxTab tab, StatusFilter status, Guid? channel, string? search, long? team = null)
    {
        var q = Visible(me);
        q = tab switch
        {
            InboxTab.Mine => q.Where(c => c.AssigneeId == me.Id),
            InboxTab.Queue => q.Where(c => c.AssigneeId == null),
            InboxTab.HandedToMe => q.Where(c => c.AssigneeId == me.Id && c.HandedOffById != null),
            InboxTab.HandedByMe => q.Where(c => c.HandedOffById == me.Id),
            _ => q,
        };
        q = status switch
        {
            StatusFilter.Active => q.Where(c => c.Status == ConversationStatus.Open || c.Status == ConversationStatus.Pending),
            StatusFilter.Snoozed => q.Where(c => c.Status == ConversationStatus.Snoozed),
            StatusFilter.Resolved => q.Where(c => c.Status == ConversationStatus.Resolved),
            _ => q,
        };
        if (team is { } t) q = q.Where(c => c.TeamId == t);
        if (channel is { } ch) q = q.Where(c => db.Messages.Any(m => m.ConversationId == c.Id && m.ChannelAccountId == ch));
        if (search?.Trim() is { Length: > 0 } s && SearchFold.Of(s) is { Length: > 0 }) q = Matching(q, me, s);
        q = tab switch
        {
            // whoever has waited longest comes first: the client's first unanswered message, as the desk's queue counts (decision 0019)
            InboxTab.Queue => q.OrderBy(c => c.WaitingSince ?? c.CreatedAt).ThenBy(c => c.Id),
            InboxTab.HandedByMe => q.OrderBy(c => c.ReturnBy == null).ThenBy(c => c.ReturnBy).ThenByDescending(c => c.Id), // the soonest due first
            _ => q.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id),
        };
        var rows = await q.Take(Limit).Select(c => new
        {
            C = c,
            Name = db.Contacts.Where(x => x.Id == c.ContactId).Select(x => x.Name).FirstOrDefault(),
            Assignee = db.Users.Where(u => u.Id == c.AssigneeId).Select(u => u.Name).FirstOrDefault(),
            Restricted = db.EthicalWalls.Any(w => w.ConversationId == c.Id || w.ContactId == c.ContactId),
        }).ToListAsync();
        var kinds = await KindsAsync(rows.Select(r => r.C.Id).ToList());
        var places = await Okno.Core.Desk.DeskQueue.PositionsAsync(db, rows.Where(r => r.C.AssigneeId is null).Select(r => r.C.Id).ToList(), CancellationToken.None);
        var queue = places.ToDictionary(p => p.Key, p => rows.First(r => r.C.Id == p.Key).C is var c
            ? new Okno.Core.Desk.QueueEntry(c.Id, p.Value, c.WaitingSince ?? c.CreatedAt, c.TeamId, c.ContactId) : null);
        return rows.Select(r => new InboxRow(r.C.Id, r.C.ContactId, Masking.Text(r.Name, me) ?? $"Клиент №{r.C.ContactId}",
            kinds.GetValueOrDefault(r.C.Id, []), Masking.Text(r.C.LastMessagePreview, me), r.C.LastMessageAt,
            r.C.UnreadCount > 0 ? r.C.LastInboundAt ?? r.C.LastMessageAt : null, r.C.UnreadCount, r.C.Status, r.C.AssigneeId,
            r.Assignee, r.C.HandedOffById != null, r.C.ReturnBy, r.C.Status == ConversationStatus.Snoozed ? r.C.SnoozedUntil : null)
        { Desk = DeskMarks.Of(r.C, queue.GetValueOrDefault(r.C.Id)), Restricted = r.Restricted }).ToList();
    }

    /// <summary>Open requests per tab, and the unread messages in mine (for the tab title).</summary>
    public async Task<(Dictionary<InboxTab, int> Counts, int MyUnread)> CountsAsync(CurrentUser me)
    {
        var active = Visible(me).Where(c => c.Status == ConversationStatus.Open || c.Status == ConversationStatus.Pending);
        var counts = new Dictionary<InboxTab, int>
        {
            [InboxTab.Mine] = await active.CountAsync(c => c.AssigneeId == me.Id),
            [InboxTab.Queue] = await active.CountAsync(c => c.AssigneeId == null),
            [InboxTab.HandedToMe] = await active.CountAsync(c => c.AssigneeId == me.Id && c.HandedOffById != null),
            [InboxTab.HandedByMe] = await active.CountAsync(c => c.HandedOffById == me.Id),
        };
        var unread = await active.Where(c => c.AssigneeId == me.Id).SumAsync(c => c.UnreadCount);
        return (counts, unread);
    }

    /// <summary>
    /// Search by name and address. Names are matched in their folded form (case-insensitive, «ё» = «е», the same on
    /// both providers), LIKE wildcards in the query are literal. A role that may not see phones searches only what it
    /// is shown: the masked name, and no identity value at all once the query holds a digit — otherwise typing digits
    /// one at a time would read a masked phone back (issue 10.5).
    /// </summary>
    private IQueryable<Conversation> Matching(IQueryable<Conversation> q, CurrentUser me, string s)
    {
        var like = SearchFold.ContainsPattern(s);
        var plainLike = "%" + SearchFold.EscapeLike(s.ToLowerInvariant()) + "%";
        var digits = new string(PhoneMask.Fold(s).Where(char.IsAsciiDigit).ToArray());
        var names = me.SeesAddresses
            ? db.Contacts.Where(x => x.SearchName != null && EF.Functions.Like(x.SearchName, like, SearchFold.LikeEscape)).Select(x => x.Id)
            : db.Contacts.Where(x => x.SearchNameMasked != null && EF.Functions.Like(x.SearchNameMasked, like, SearchFold.LikeEscape)).Select(x => x.Id);
        IQueryable<long> byValue;
        if (me.SeesPhones)
            byValue = digits.Length >= 4
                ? db.Identities.Where(i => i.Value.Contains(digits)).Select(i => i.ContactId)
                : db.Identities.Where(i => (!me.MasksEmails || (i.Kind != IdentityKind.Email && i.Kind != IdentityKind.ClaimedEmail)) && EF.Functions.Like(i.Value, plainLike, SearchFold.LikeEscape)).Select(i => i.ContactId);
        else if (digits.Length == 0)
            byValue = db.Identities.Where(i => i.Kind != IdentityKind.Phone && i.Kind != IdentityKind.ClaimedPhone
                && (!me.MasksEmails || (i.Kind != IdentityKind.Email && i.Kind != IdentityKind.ClaimedEmail)) && EF.Functions.Like(i.Value, plainLike, SearchFold.LikeEscape)).Select(i => i.ContactId);
        else
            return q.Where(c => names.Contains(c.ContactId));
        return q.Where(c => names.Contains(c.ContactId) || byValue.Contains(c.ContactId));
    }

    private IQueryable<Conversation> Visible(CurrentUser me)
    {
        return db.Conversations.AsNoTracking().VisibleTo(db, me.Id, me.Role);
    }

    private async Task<Dictionary<long, List<ChannelKind>>> KindsAsync(List<long> ids)
    {
        if (ids.Count == 0) return [];
        var pairs = await db.Messages.AsNoTracking().Where(m => ids.Contains(m.ConversationId) && m.ChannelAccountId != null)
            .Select(m => new { m.ConversationId, m.ChannelAccountId }).Distinct().ToListAsync();
        var accountIds = pairs.Select(p => p.ChannelAccountId!.Value).Distinct().ToList();
        var accounts = await db.ChannelAccounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Kind);
        return pairs.GroupBy(p => p.ConversationId).ToDictionary(g => g.Key,
            g => g.Select(p => accounts.TryGetValue(p.ChannelAccountId!.Value, out var k) ? k : ChannelKind.Telegram).Distinct().ToList());
    }
}
