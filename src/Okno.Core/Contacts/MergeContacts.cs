using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;

namespace Okno.Core.Contacts;

/// <summary>
/// Moves identities, endpoints, conversations and messages of one contact to another and records what moved.
/// When both have an open request, the other one's messages join the survivor's and its request is closed.
/// </summary>
public sealed class MergeContacts(OknoDbContext db, TimeProvider clock, Events.ILiveEvents bus)
{
    public async Task<ContactMerge> ExecuteAsync(long survivorId, long otherId, long? byUserId, CancellationToken ct)
    {
        if (survivorId == otherId) throw new DomainException("Нельзя объединить контакт с самим собой.");
        var survivor = await db.Contacts.FirstOrDefaultAsync(c => c.Id == survivorId && c.MergedIntoId == null, ct) ?? throw new NotFoundException("Контакт не найден.");
        var other = await db.Contacts.FirstOrDefaultAsync(c => c.Id == otherId && c.MergedIntoId == null, ct) ?? throw new NotFoundException("Второй контакт не найден.");
        // A merge would carry walled history across the wall (or out from under it): the wall is lifted first, on purpose.
        if (await Walls.EthicalWalls.TouchesContactAsync(db, survivorId, ct) || await Walls.EthicalWalls.TouchesContactAsync(db, otherId, ct))
            throw new DomainException("Контакт закрыт этической стеной: снимите ограничение, прежде чем объединять.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var identities = await db.Identities.Where(i => i.ContactId == otherId).ToListAsync(ct);
        foreach (var i in identities) i.ContactId = survivorId;
        var endpoints = await db.Endpoints.Where(e => e.ContactId == otherId).ToListAsync(ct);
        foreach (var e in endpoints) e.ContactId = survivorId;

        var survivorOpen = await db.Conversations.FirstOrDefaultAsync(c => c.ContactId == survivorId && c.Status != ConversationStatus.Resolved, ct);
        var conversations = await db.Conversations.Where(c => c.ContactId == otherId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var c in conversations)
        {
            if (c.Status != ConversationStatus.Resolved && survivorOpen is not null)
            {
                // Its messages join the survivor's open request; the emptied request itself goes (no empty closed row).
                await db.Messages.Where(m => m.ConversationId == c.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ConversationId, survivorOpen.Id), ct);
                db.Conversations.Remove(c);
                continue;
            }
            c.MoveToContact(survivorId);
        }
        await db.SaveChangesAsync(ct); // remove first, so the one-open-per-contact index holds at every step
        await db.Messages.Where(m => m.ContactId == otherId).ExecuteUpdateAsync(s => s.SetProperty(m => m.ContactId, survivorId), ct);
        await db.ContactLabels.Where(l => l.ContactId == otherId).ExecuteUpdateAsync(s => s.SetProperty(l => l.ContactId, survivorId), ct);
        await db.ContactNotes.Where(n => n.ContactId == otherId).ExecuteUpdateAsync(s => s.SetProperty(n => n.ContactId, survivorId), ct);
        await db.Consents.Where(c => c.ContactId == otherId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ContactId, survivorId), ct);

        survivor.LearnName(other.Name);
        other.MarkMergedInto(survivorId);
        var record = new ContactMerge
        {
            SurvivorId = survivorId,
            MergedId = otherId,
            MergedByUserId = byUserId,
            MergedAt = now,
            Moved = JsonSerializer.Serialize(new
            {
                identities = identities.Select(i => i.Id),
                endpoints = endpoints.Select(e => e.Id),
                conversations = conversations.Select(c => c.Id),
                into = survivorOpen?.Id,
            }),
        };
        db.ContactMerges.Add(record);
        var shown = survivorOpen ?? conversations.FirstOrDefault(c => c.Status != ConversationStatus.Resolved)
            ?? await db.Conversations.Where(c => c.ContactId == survivorId).OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (shown is not null)
        {
            var who = byUserId is { } u ? await db.Users.Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "Сотрудник" : "Система";
            db.Messages.Add(ConversationLog.Line(shown, ConversationLog.Merged(who, other.Name ?? $"Клиент №{otherId}", conversations.Count, identities.Count), byUserId, now));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        bus.Publish(new Events.ContactsMerged(survivorId, otherId));
        return record;
    }
}
