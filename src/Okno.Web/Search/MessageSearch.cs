using System.Net;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Messages;
using Okno.Core.Search;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Search;

/// <summary>Filters of a search besides its text.</summary>
public sealed record SearchFilters(Guid? ChannelId = null, long? AssigneeId = null, DateTimeOffset? From = null, DateTimeOffset? To = null, long? Before = null);

/// <summary>One message that matched: where it is, and a snippet (HTML-escaped, hits in &lt;mark&gt;, phones masked for the viewer).</summary>
public sealed record SearchHit(long ConversationId, long MessageId, long ContactId, string Snippet, DateTimeOffset CreatedAt, string? ChannelId);

/// <summary>
/// Full-text search over message texts and file names (docs/decisions/0014): Russian word forms, phrases, prefixes;
/// only messages the viewer may see (the one visibility rule), newest first, a page at a time.
/// </summary>
public sealed class MessageSearch(OknoDbContext db)
{
    public const int PageSize = 20, MaxPageSize = 50;
    private const int PlainSnippet = 200;

    public async Task<(IReadOnlyList<SearchHit> Items, long? Next)> FindAsync(string q, SearchFilters filters, CurrentUser me, int limit = PageSize, CancellationToken ct = default)
    {
        // An address the role sees masked cannot be searched for either: a hit would confirm it.
        if (me.MasksEmails) q = string.Join(' ', q.Split(' ').Where(w => !w.Contains('@', StringComparison.Ordinal)));
        var query = SearchQuery.Parse(q, digitsAllowed: me.SeesPhones);
        if (query.IsEmpty) return ([], null);
        var sqlite = db.Database.IsSqlite();
        // On SQLite the channel is compared inside the statement as +"ChannelAccountId": without statistics the planner
        // would walk the channel's index — every message of a busy channel — instead of the few the index matched
        // (1 M messages in one channel: 160 ms against 5 ms).
        var matched = sqlite
            ? filters.ChannelId is { } ch
                ? db.Messages.FromSql($"""SELECT * FROM "Messages" WHERE "Id" IN (SELECT rowid FROM "SearchFts" WHERE "SearchFts" MATCH {query.ToFts5()}) AND +"ChannelAccountId" = {ch}""")
                : db.Messages.FromSql($"""SELECT * FROM "Messages" WHERE "Id" IN (SELECT rowid FROM "SearchFts" WHERE "SearchFts" MATCH {query.ToFts5()})""")
            : db.Messages.FromSql($"""SELECT * FROM "Messages" WHERE "Id" IN (SELECT "MessageId" FROM "SearchDocuments" WHERE "Document" @@ to_tsquery('simple', {query.ToTsQuery()}))""");
        var hits = matched.AsNoTracking().Where(m => m.Kind != MessageKind.Event).VisibleTo(db, me.Id, me.Role);
        if (!sqlite && filters.ChannelId is { } channel) hits = hits.Where(m => m.ChannelAccountId == channel);
        if (filters.AssigneeId is { } assignee) hits = hits.Where(m => db.Conversations.Any(c => c.Id == m.ConversationId && c.AssigneeId == assignee));
        if (filters.From is { } from) hits = hits.Where(m => m.CreatedAt >= from);
        if (filters.To is { } to) hits = hits.Where(m => m.CreatedAt < to);
        if (filters.Before is { } before) hits = hits.Where(m => m.Id < before);
        var page = await hits.OrderByDescending(m => m.Id).Take(limit + 1)
            .Select(m => new { m.Id, m.ConversationId, m.ContactId, m.Text, m.CreatedAt, m.ChannelAccountId, Files = m.Attachments.Select(a => a.FileName).ToList() })
            .ToListAsync(ct);
        var items = page.Take(limit).Select(m => new SearchHit(m.ConversationId, m.Id, m.ContactId,
            Snippet(Masking.Text(m.Text, me), m.Files.Select(f => Masking.Text(f, me)), query), m.CreatedAt, m.ChannelAccountId?.ToString())).ToList();
        return (items, page.Count > limit ? items[^1].MessageId : null);
    }

    private static string Snippet(string? text, IEnumerable<string?> files, SearchQuery query) =>
        Snippets.Of(text, query) ?? files.Select(f => Snippets.Of(f, query)).FirstOrDefault(s => s is not null)
        ?? WebUtility.HtmlEncode(text is { Length: > PlainSnippet } ? text[..PlainSnippet] + "…" : text ?? "");
}
