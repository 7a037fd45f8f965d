using Microsoft.EntityFrameworkCore;
using Okno.Core.Contacts;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Contacts;

/// <summary>A contact as the merge dialog compares it: name, addresses (masked for the viewer), what it holds.</summary>
public sealed record ContactPreview(long Id, string? Name, IReadOnlyList<ContactsEndpoints.IdentityDto> Identities, DateTimeOffset CreatedAt,
    int Conversations, int Messages);

/// <summary>Finds contacts by name or address (phone digits, e-mail, ids): the merge dialog and GET /api/v1/contacts?search=.</summary>
public sealed class ContactSearch(OknoDbContext db)
{
    public const int Limit = 20;

    public async Task<IReadOnlyList<ContactPreview>> FindAsync(string? search, CurrentUser me, long? except = null)
    {
        if (search?.Trim() is not { Length: >= 2 } s) return [];
        // As typed, lower case and Capitalized: SQLite's LIKE folds ASCII only (the full Cyrillic fold is the search issue's).
        var (v1, v2, v3) = ("%" + s + "%", "%" + s.ToLowerInvariant() + "%", "%" + char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant() + "%");
        var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
        var contacts = db.Contacts.AsNoTracking().Where(c => c.MergedIntoId == null && c.Id != (except ?? 0)).VisibleTo(db, me.Id, me.Role);
        var byName = contacts.Where(c => c.Name != null && (EF.Functions.Like(c.Name, v1) || EF.Functions.Like(c.Name, v2) || EF.Functions.Like(c.Name, v3)));
        var byAddress = db.Identities.AsNoTracking().Where(i => (digits.Length >= 4 && me.SeesPhones && i.Value.Contains(digits))
            || (i.Kind != IdentityKind.Phone && (!me.MasksEmails || (i.Kind != IdentityKind.Email && i.Kind != IdentityKind.ClaimedEmail)) && (EF.Functions.Like(i.Value, v1) || EF.Functions.Like(i.Value, v2)))).Select(i => i.ContactId);
        var found = await contacts.Where(c => byName.Select(x => x.Id).Contains(c.Id) || byAddress.Contains(c.Id))
            .OrderByDescending(c => c.Id).Take(Limit).ToListAsync();
        return await PreviewAsync(found.Select(c => c.Id).ToList(), me);
    }

    public async Task<IReadOnlyList<ContactPreview>> PreviewAsync(IReadOnlyList<long> ids, CurrentUser me)
    {
        var contacts = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id)).VisibleTo(db, me.Id, me.Role).ToListAsync();
        var identities = await db.Identities.AsNoTracking().Where(i => ids.Contains(i.ContactId)).OrderBy(i => i.Id).ToListAsync();
        var conversations = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.ContactId)).GroupBy(c => c.ContactId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var messages = await db.Messages.AsNoTracking().Where(m => ids.Contains(m.ContactId) && m.Kind != Okno.Core.Messages.MessageKind.Event)
            .GroupBy(m => m.ContactId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        return ids.Select(id => contacts.FirstOrDefault(c => c.Id == id)).Where(c => c is not null).Select(c =>
        {
            var dto = ContactsEndpoints.Dto(c!, identities.Where(i => i.ContactId == c!.Id), me);
            return new ContactPreview(c!.Id, dto.Name, dto.Identities, c.CreatedAt, conversations.GetValueOrDefault(c.Id), messages.GetValueOrDefault(c.Id));
        }).ToList();
    }
}
