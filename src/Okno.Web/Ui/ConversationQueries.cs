using Okno.Core.Conversations;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Contacts;
using Okno.Core.Data;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Ui;

/// <summary>Loads one conversation with the contact's history across channels and conversations.</summary>
public sealed class ConversationQueries(OknoDbContext db, ConversationActions actions, ContactResolver resolver, Audit.AuditTrail audit)
{
    public const int HistoryLimit = 500;

    public async Task<ConversationDetail?> LoadAsync(long id, CurrentUser me)
    {
        var c = await actions.VisibleAsync(id, me);
        if (c is null) return null;
        await audit.ReadAsync(Okno.Core.Audit.AuditObjects.Conversation, id);
        await audit.ReadAsync(Okno.Core.Audit.AuditObjects.Contact, c.ContactId); // the card is shown beside it
        var contact = await db.Contacts.AsNoTracking().FirstAsync(x => x.Id == c.ContactId);
        var identities = await db.Identities.AsNoTracking().Where(i => i.ContactId == c.ContactId).OrderBy(i => i.Id).ToListAsync();
        var messages = await db.Messages.AsNoTracking().Include(m => m.Attachments).Where(m => m.ContactId == c.ContactId).VisibleTo(db, me.Id, me.Role)
            .OrderByDescending(m => m.Id).Take(HistoryLimit).ToListAsync();
        messages.Reverse();
        var accountIds = messages.Where(m => m.ChannelAccountId != null).Select(m => m.ChannelAccountId!.Value).Distinct().ToList();
        var accounts = await db.ChannelAccounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
        var userIds = messages.Where(m => m.AuthorId != null).Select(m => m.AuthorId!.Value)
            .Concat(new[] { c.AssigneeId, c.HandedOffById }.Where(x => x != null).Select(x => x!.Value)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        var past = await db.Conversations.AsNoTracking().Where(x => x.ContactId == c.ContactId).VisibleTo(db, me.Id, me.Role).OrderByDescending(x => x.Id)
            .Select(x => new PastConversation(x.Id, x.Status, x.CreatedAt, x.ResolvedAt, x.LastMessagePreview)).ToListAsync();

        var labels = await db.ContactLabels.AsNoTracking().Where(l => l.ContactId == c.ContactId).OrderBy(l => l.Text).Select(l => new { l.Id, l.Text }).ToListAsync();
        var notes = await db.ContactNotes.AsNoTracking().Where(n => n.ContactId == c.ContactId).OrderByDescending(n => n.Id).Take(50)
            .Select(n => new { n.Id, n.Text, n.CreatedAt, Author = db.Users.Where(u => u.Id == n.AuthorId).Select(u => u.Name).FirstOrDefault() }).ToListAsync();
        var card = new ContactCardData(contact.Id, Masking.Text(contact.Name, me),
            identities.Select(i => (i.Kind, Masking.Identity(i.Kind, i.Value, me))).ToList(),
            contact.CreatedAt, labels.DistinctBy(l => l.Text).Select(l => (l.Id, Masking.Text(l.Text, me)!)).ToList(),
            notes.Select(n => new ContactNoteView(n.Id, Masking.Text(n.Text, me)!, n.Author, n.CreatedAt)).ToList(),
            (await resolver.PossibleMatchesAsync(contact.Id, CancellationToken.None)).Select(m => new PossibleMatchView(m.ContactId,
                Masking.Text(m.Name, me), m.Kind, Masking.Identity(m.Kind, m.Value, me), m.OtherClaims)).ToList());
        var history = messages.Select(m =>
        {
            var account = m.ChannelAccountId is { } a && accounts.TryGetValue(a, out var acc) ? acc : null;
            return new HistoryItem(m.Id, m.ConversationId, m.Direction, m.Kind, Masking.Text(m.Text, me), account?.Kind, account?.Name,
                m.Status, Masking.Text(m.Error, me), m.AuthorId is { } u ? users.GetValueOrDefault(u) : null,
                m.Direction == Okno.Core.Messages.MessageDirection.Inbound ? m.SentAt ?? m.CreatedAt : m.CreatedAt,
                me.SeesAddresses ? m.Attachments : m.Attachments.Select(x => new Okno.Core.Messages.Attachment
                {
                    Id = x.Id, MessageId = x.MessageId, FileName = Masking.Text(x.FileName, me)!, ContentType = x.ContentType, Size = x.Size,
                    StorageKey = x.StorageKey, TooLarge = x.TooLarge,
                }).ToList());
        }).ToList();
        return new ConversationDetail(c, card, history, past.Select(p => p with { Preview = Masking.Text(p.Preview, me) }).ToList(),
            c.AssigneeId is { } aid ? users.GetValueOrDefault(aid) : null, c.HandedOffById is { } hid ? users.GetValueOrDefault(hid) : null);
    }
}
