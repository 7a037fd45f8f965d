using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Search;

/// <summary>A search hit as the inbox lists it: the client's name (masked for the viewer), the snippet, when.</summary>
public sealed record MessageHitView(long ConversationId, long MessageId, string Name, string Snippet, DateTimeOffset At);

/// <summary>The inbox's search box: the same search as GET /api/v1/search, with the clients' names.</summary>
public sealed class MessageHitViews(MessageSearch search, OknoDbContext db)
{
    public async Task<IReadOnlyList<MessageHitView>> FindAsync(string q, CurrentUser me)
    {
        if (q.Length > Core.Search.SearchQuery.MaxLength) q = q[..Core.Search.SearchQuery.MaxLength];
        var (items, _) = await search.FindAsync(q, new SearchFilters(), me);
        var ids = items.Select(i => i.ContactId).Distinct().ToList();
        var names = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name);
        return items.Select(i => new MessageHitView(i.ConversationId, i.MessageId,
            Masking.Text(names.GetValueOrDefault(i.ContactId), me) ?? "Клиент №" + i.ContactId, i.Snippet, i.CreatedAt)).ToList();
    }
}
