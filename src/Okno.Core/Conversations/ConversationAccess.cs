using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Operators;

namespace Okno.Core.Conversations;

/// <summary>
/// The one answer to "may this user see this conversation?", used by every endpoint, UI query, attachment,
/// contact history and command. Roles and scopes (teams, read-only quality control) are added here and nowhere else.
/// Staff who see everything see everything; a lawyer sees what is assigned to them, what they handed off, and what
/// they worked on (wrote in — a reply, a note, an action line) — so a returned request stays readable to them.
/// </summary>
public static class ConversationAccess
{
    /// <summary>Roles that see every conversation, whatever the user's own scope (admin, supervisor, qc).</summary>
    public static bool SeesAll(UserRole role) => role.SeesEverything();

    /// <summary>Whether this user sees every conversation: the role, and for operators their scope ("own + queue" or not).</summary>
    public static async Task<bool> SeesAllAsync(OknoDbContext db, long userId, UserRole role, CancellationToken ct) =>
        SeesAll(role) || (role.SeesAllConversations() && !await db.Users.AnyAsync(u => u.Id == userId && u.OwnAndQueueOnly, ct));

    /// <summary>
    /// The query filter: only the conversations this user may see. An ethical wall (on the conversation or on its
    /// contact) comes first and binds every role: behind it only the named users pass (decision 0025).
    /// </summary>
    public static IQueryable<Conversation> VisibleTo(this IQueryable<Conversation> conversations, OknoDbContext db, long userId, UserRole role)
    {
        var open = conversations.Where(c =>
            !db.EthicalWalls.Any(w => w.ConversationId == c.Id && !w.Members.Any(m => m.UserId == userId)) &&
            !db.EthicalWalls.Any(w => w.ContactId == c.ContactId && !w.Members.Any(m => m.UserId == userId)));
        return SeesAll(role) ? open
            : role.SeesAllConversations()
                // An operator: everything, unless narrowed to own + queue (unassigned) — then as a lawyer plus the queue.
                ? open.Where(c => !db.Users.Any(u => u.Id == userId && u.OwnAndQueueOnly) || c.AssigneeId == null || c.AssigneeId == userId ||
                    c.HandedOffById == userId || db.Messages.Any(m => m.ConversationId == c.Id && m.AuthorId == userId))
                : open.Where(c => c.AssigneeId == userId || c.HandedOffById == userId ||
                    db.Messages.Any(m => m.ConversationId == c.Id && m.AuthorId == userId));
    }

    /// <summary>The messages (of a contact's history, say) that lie in conversations this user may see.</summary>
    public static IQueryable<Messages.Message> VisibleTo(this IQueryable<Messages.Message> messages, OknoDbContext db, long userId, UserRole role) =>
        SeesAll(role)
            ? messages.Where(m =>
                !db.EthicalWalls.Any(w => w.ConversationId == m.ConversationId && !w.Members.Any(x => x.UserId == userId)) &&
                !db.EthicalWalls.Any(w => w.ContactId == m.ContactId && !w.Members.Any(x => x.UserId == userId)))
            : messages.Where(m => db.Conversations.VisibleTo(db, userId, role).Any(c => c.Id == m.ConversationId));

    /// <summary>Contacts this user may see: not behind a wall they are not named on, and (unless they see all) with a visible conversation.</summary>
    public static IQueryable<Contacts.Contact> VisibleTo(this IQueryable<Contacts.Contact> contacts, OknoDbContext db, long userId, UserRole role)
    {
        var open = contacts.Where(k => !db.EthicalWalls.Any(w => w.ContactId == k.Id && !w.Members.Any(m => m.UserId == userId)));
        var visible = db.Conversations.VisibleTo(db, userId, role); // built outside the lambda: EF inlines it as a subquery
        return SeesAll(role) ? open : open.Where(k => visible.Any(c => c.ContactId == k.Id));
    }

    public static Task<bool> CanSeeAsync(OknoDbContext db, long conversationId, long userId, UserRole role, CancellationToken ct) =>
        db.Conversations.Where(c => c.Id == conversationId).VisibleTo(db, userId, role).AnyAsync(ct);

    /// <summary>A contact is visible when it is not walled off from this user and (unless they see all) one of its conversations is.</summary>
    public static Task<bool> CanSeeContactAsync(OknoDbContext db, long contactId, long userId, UserRole role, CancellationToken ct) =>
        db.Contacts.Where(k => k.Id == contactId).VisibleTo(db, userId, role).AnyAsync(ct);
}
