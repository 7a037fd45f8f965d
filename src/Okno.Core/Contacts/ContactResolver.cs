using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Data;

namespace Okno.Core.Contacts;

/// <summary>
/// Finds the contact behind a sender. Exact identities only: the sender's own, then any further identity the
/// platform revealed (a shared phone). Fuzzy matches are never merged automatically.
/// </summary>
public sealed class ContactResolver(OknoDbContext db, TimeProvider clock)
{
    public async Task<Contact?> ResolveAsync(InboundSender sender, bool isDemo, CancellationToken ct)
    {
        var primaryValue = IdentityNormalizer.Normalize(sender.Kind, sender.Value);
        if (primaryValue is null) return null;
        var others = sender.AlsoKnownAs
            .Select(a => (a.Kind, Value: IdentityNormalizer.Normalize(a.Kind, a.Value)))
            .Where(a => a.Value is not null && !(a.Kind == sender.Kind && a.Value == primaryValue))
            .Select(a => (a.Kind, Value: a.Value!))
            .Distinct()
            .ToList();

        var primary = await FindAsync(sender.Kind, primaryValue, ct);
        Contact? contact = primary is null ? null : await db.Contacts.FirstAsync(c => c.Id == primary.ContactId, ct);
        foreach (var (kind, value) in others)
        {
            var existing = await FindAsync(kind, value, ct);
            if (existing is not null)
            {
                // A new identity that matches an existing contact's phone joins that contact.
                if (contact is null) contact = await db.Contacts.FirstAsync(c => c.Id == existing.ContactId, ct);
                continue; // belongs to someone else already: a merge suggestion at most, never automatic
            }
        }

        if (contact is null)
        {
            contact = new Contact(sender.Name, clock.GetUtcNow(), isDemo);
            db.Contacts.Add(contact);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            contact.LearnName(sender.Name);
        }

        if (primary is null) await AddIdentityAsync(contact.Id, sender.Kind, primaryValue, ct);
        foreach (var (kind, value) in others)
            if (await FindAsync(kind, value, ct) is null) await AddIdentityAsync(contact.Id, kind, value, ct);
        return contact;
    }

    public async Task<ContactEndpoint> EndpointAsync(long contactId, Guid channelAccountId, string address, CancellationToken ct)
    {
        var endpoint = db.Endpoints.Local.FirstOrDefault(x => x.ChannelAccountId == channelAccountId && x.Address == address)
            ?? await db.Endpoints.FirstOrDefaultAsync(x => x.ChannelAccountId == channelAccountId && x.Address == address, ct);
        if (endpoint is null)
        {
            endpoint = new ContactEndpoint(contactId, channelAccountId, address);
            db.Endpoints.Add(endpoint);
        }
        return endpoint;
    }

    private async Task<ContactIdentity?> FindAsync(IdentityKind kind, string value, CancellationToken ct) =>
        db.Identities.Local.FirstOrDefault(i => i.Kind == kind && i.Value == value)
        ?? await db.Identities.FirstOrDefaultAsync(i => i.Kind == kind && i.Value == value, ct);

    private async Task AddIdentityAsync(long contactId, IdentityKind kind, string value, CancellationToken ct)
    {
        db.Identities.Add(new ContactIdentity(kind, value, clock.GetUtcNow()) { ContactId = contactId });
        await db.SaveChangesAsync(ct);
    }
}
