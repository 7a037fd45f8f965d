using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Data;

namespace Okno.Core.Contacts;

/// <summary>
/// Finds the contact behind a sender. Exact identities only: the sender's own, then any further identity the
/// platform revealed (a shared phone). Fuzzy matches are never merged automatically, and neither are unverified
/// claims (a phone typed into the widget, an unauthenticated From:): they are stored as claimed kinds on the
/// sender's own contact, where <see cref="PossibleMatches"/> shows them to an operator who may merge by hand.
/// </summary>
public sealed class ContactResolver(OknoDbContext db, TimeProvider clock)
{
    private readonly HashSet<long> _created = [];

    /// <summary>Whether this resolver (one ingest batch) made the contact, a new client; true once per contact.</summary>
    public bool TakeCreated(long contactId) => _created.Remove(contactId);

    public async Task<Contact?> ResolveAsync(InboundSender sender, bool isDemo, CancellationToken ct)
    {
        var primaryKind = sender.Verified ? sender.Kind : IdentityKindNames.Claimed(sender.Kind);
        var primaryValue = IdentityNormalizer.Normalize(primaryKind, sender.Value);
        if (primaryValue is null) return null;
        var claims = sender.Claims
            .Select(a => (Kind: IdentityKindNames.Claimed(a.Kind), Value: IdentityNormalizer.Normalize(a.Kind, a.Value)))
            .Where(a => a.Value is not null && IdentityKindNames.IsClaim(a.Kind))
            .Select(a => (a.Kind, Value: a.Value!))
            .Distinct()
            .ToList();
        var others = sender.AlsoKnownAs
            .Select(a => (a.Kind, Value: IdentityNormalizer.Normalize(a.Kind, a.Value)))
            .Where(a => a.Value is not null && !(a.Kind == sender.Kind && a.Value == primaryValue))
            .Select(a => (a.Kind, Value: a.Value!))
            .Distinct()
            .ToList();

        var primary = await FindAsync(primaryKind, primaryValue, ct);
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
            _created.Add(contact.Id);
        }
        else
        {
            contact.LearnName(sender.Name);
        }

        if (primary is null) await AddIdentityAsync(contact.Id, primaryKind, primaryValue, ct);
        foreach (var (kind, value) in others)
            if (await FindAsync(kind, value, ct) is null) await AddIdentityAsync(contact.Id, kind, value, ct);
        // A claim is kept on the claimant's contact only; one already made by another visitor stays theirs.
        foreach (var (kind, value) in claims)
            if (await FindAsync(kind, value, ct) is null) await AddIdentityAsync(contact.Id, kind, value, ct);
        return contact;
    }

    /// <summary>
    /// The reply endpoint for this sender on this account. An address another contact already answers on is that
    /// contact's: a sender whose claim is unverified gets a detached endpoint (not stored), so it can never become the
    /// default reply route of someone else's contact.
    /// </summary>
    public async Task<ContactEndpoint> EndpointAsync(long contactId, Guid channelAccountId, string address, CancellationToken ct, bool verified = true)
    {
        var endpoint = db.Endpoints.Local.FirstOrDefault(x => x.ChannelAccountId == channelAccountId && x.Address == address)
            ?? await db.Endpoints.FirstOrDefaultAsync(x => x.ChannelAccountId == channelAccountId && x.Address == address, ct);
        if (endpoint is not null && endpoint.ContactId != contactId && !verified) return new ContactEndpoint(contactId, channelAccountId, address);
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

    /// <summary>
    /// Other contacts that hold, verified, what this contact only claims — or claim what this contact holds verified.
    /// Shown on the contact card and in the contact API as "possible match"; merging stays an operator's decision.
    /// </summary>
    public async Task<IReadOnlyList<PossibleMatch>> PossibleMatchesAsync(long contactId, CancellationToken ct)
    {
        var own = await db.Identities.AsNoTracking().Where(i => i.ContactId == contactId).Select(i => new { i.Kind, i.Value }).ToListAsync(ct);
        var wanted = own.Select(i => (Kind: IdentityKindNames.IsClaim(i.Kind) ? IdentityKindNames.Verified(i.Kind) : IdentityKindNames.Claimed(i.Kind), i.Value, Own: i.Kind))
            .Where(w => w.Kind != w.Own).ToList();
        if (wanted.Count == 0) return [];
        var values = wanted.Select(w => w.Value).Distinct().ToList();
        var candidates = await (from i in db.Identities.AsNoTracking()
                                join c in db.Contacts.AsNoTracking() on i.ContactId equals c.Id
                                where values.Contains(i.Value) && i.ContactId != contactId && c.MergedIntoId == null
                                select new { i.ContactId, i.Kind, i.Value, c.Name }).ToListAsync(ct);
        return candidates.Where(c => wanted.Any(w => w.Kind == c.Kind && w.Value == c.Value))
            .Select(c => new PossibleMatch(c.ContactId, c.Name, IdentityKindNames.Verified(c.Kind), c.Value, IdentityKindNames.IsClaim(c.Kind)))
            .DistinctBy(m => (m.ContactId, m.Kind, m.Value)).ToList();
    }
}
