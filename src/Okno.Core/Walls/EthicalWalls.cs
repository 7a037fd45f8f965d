using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;

namespace Okno.Core.Walls;

/// <summary>Who a wall lets through; the visibility rule (ConversationAccess) and the desk's router ask here.</summary>
public static class EthicalWalls
{
    /// <summary>
    /// The users allowed to see the conversation (of this contact), or null when no wall covers it. A conversation wall
    /// and its contact's wall both apply: only users named on both pass.
    /// </summary>
    public static async Task<IReadOnlySet<long>?> MembersAsync(OknoDbContext db, long conversationId, long contactId, CancellationToken ct)
    {
        var walls = await db.EthicalWalls.AsNoTracking().Where(w => w.ConversationId == conversationId || w.ContactId == contactId)
            .Select(w => w.Members.Select(m => m.UserId).ToList()).ToListAsync(ct);
        if (walls.Count == 0) return null;
        var allowed = walls[0].ToHashSet();
        foreach (var other in walls.Skip(1)) allowed.IntersectWith(other);
        return allowed;
    }

    /// <summary>Same as <see cref="MembersAsync"/>, looking the contact up by the conversation.</summary>
    public static async Task<IReadOnlySet<long>?> MembersAsync(OknoDbContext db, long conversationId, CancellationToken ct)
    {
        var contactId = await db.Conversations.Where(c => c.Id == conversationId).Select(c => (long?)c.ContactId).FirstOrDefaultAsync(ct);
        return contactId is { } id ? await MembersAsync(db, conversationId, id, ct) : null;
    }

    public static async Task<bool> AllowsAsync(OknoDbContext db, long conversationId, long userId, CancellationToken ct) =>
        await MembersAsync(db, conversationId, ct) is not { } members || members.Contains(userId);

    /// <summary>Whether a contact or any of its conversations is walled (a merge of such a contact is refused).</summary>
    public static Task<bool> TouchesContactAsync(OknoDbContext db, long contactId, CancellationToken ct) =>
        db.EthicalWalls.AnyAsync(w => w.ContactId == contactId || db.Conversations.Any(c => c.Id == w.ConversationId && c.ContactId == contactId), ct);
}
