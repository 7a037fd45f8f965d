using Okno.Core.Conversations;
using Okno.Core.Operators;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Contacts;
using Okno.Core.Data;
using Okno.Core.Audit;
using Okno.Web.Audit;
using Okno.Web.Auth;
using Okno.Web.Conversations;
using Okno.Web.Messages;

namespace Okno.Web.Contacts;

public static class ContactsEndpoints
{
    public sealed record IdentityDto(string Kind, string Value);
    public sealed record ContactDto(long Id, string? Name, IReadOnlyList<IdentityDto> Identities, DateTimeOffset CreatedAt,
        IReadOnlyList<PossibleMatchDto>? PossibleMatches = null);
    /// <summary>Another contact that holds or claims the same phone or address: an operator decides whether to merge.</summary>
    public sealed record PossibleMatchDto(long ContactId, string? Name, string Kind, string Value, bool OtherClaims);
    public sealed record MergeBody(long OtherContactId);
    public sealed record RenameBody(string? Name);

    public static void MapContacts(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/contacts").WithTags("Contacts").RequireAuthorization();
        group.MapGet("/", async (string? search, HttpContext ctx, ContactSearch contacts) =>
            TypedResults.Ok(new ItemsOf<ContactPreview>(await contacts.FindAsync(search, CurrentUser.From(ctx.User))))).RequireAuthorization(AuthSetup.ManagerPolicy);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPatch("/{id:long}", RenameAsync);
        group.MapGet("/{id:long}/messages", HistoryAsync);
        group.MapPost("/{id:long}/merge", MergeAsync).RequireAuthorization(AuthSetup.ManagerPolicy);
    }

    /// <summary>Phones are masked for roles that must not see them — in every response, not just the UI.</summary>
    public static ContactDto Dto(Contact c, IEnumerable<ContactIdentity> identities, CurrentUser user) => new(c.Id, Masking.Text(c.Name, user),
        identities.Select(i => new IdentityDto(IdentityKindNames.ToWire(i.Kind),
            Conversations.Masking.Identity(i.Kind, i.Value, user))).ToList(), c.CreatedAt);

    private static async Task<Results<Ok<ContactDto>, NotFound>> GetAsync(long id, HttpContext ctx, OknoDbContext db, ContactResolver resolver, AuditTrail audit)
    {
        var user = CurrentUser.From(ctx.User);
        var c = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (c is null || !await MayAccessAsync(db, user, id)) return TypedResults.NotFound();
        await audit.ReadAsync(AuditObjects.Contact, id, ctx.RequestAborted);
        var identities = await db.Identities.AsNoTracking().Where(i => i.ContactId == id).OrderBy(i => i.Id).ToListAsync();
        var matches = await resolver.PossibleMatchesAsync(id, ctx.RequestAborted);
        return TypedResults.Ok(Dto(c, identities, user) with
        {
            PossibleMatches = matches.Select(m => new PossibleMatchDto(m.ContactId, Masking.Text(m.Name, user), IdentityKindNames.ToWire(m.Kind),
                Masking.Identity(m.Kind, m.Value, user), m.OtherClaims)).ToList(),
        });
    }

    private static async Task<Results<Ok<ContactDto>, NotFound>> RenameAsync(long id, RenameBody body, HttpContext ctx, OknoDbContext db)
    {
        var user = CurrentUser.From(ctx.User);
        var c = await db.Contacts.FirstOrDefaultAsync(x => x.Id == id);
        if (c is null || !await MayAccessAsync(db, user, id)) return TypedResults.NotFound();
        if (body.Name is { Length: > 300 }) throw new Okno.Core.DomainException("Имя длиннее 300 символов.");
        if (!ContactNames.IsUnchangedMask(c.Name, body.Name, user.SeesPhones, user.MasksEmails)) c.Rename(body.Name);
        await db.SaveChangesAsync();
        var identities = await db.Identities.AsNoTracking().Where(i => i.ContactId == id).ToListAsync();
        return TypedResults.Ok(Dto(c, identities, user));
    }

    private static async Task<Results<Ok<ItemsOf<MessageDto>>, NotFound>> HistoryAsync(long id, HttpContext ctx, OknoDbContext db, AuditTrail audit, long? afterId, int? limit)
    {
        var user = CurrentUser.From(ctx.User);
        if (!await MayAccessAsync(db, user, id)) return TypedResults.NotFound();
        await audit.ReadAsync(AuditObjects.Contact, id, ctx.RequestAborted);
        var take = Math.Clamp(limit ?? 1000, 1, 5000);
        var messages = await db.Messages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.ContactId == id && m.Id > (afterId ?? 0)).VisibleTo(db, user.Id, user.Role).OrderBy(m => m.Id).Take(take).ToListAsync();
        return TypedResults.Ok(new ItemsOf<MessageDto>(messages.Select(m => MessageDto.From(m, user)).ToList()));
    }

    private static async Task<Results<Ok<ContactMerge>, NotFound>> MergeAsync(long id, MergeBody body, HttpContext ctx, MergeContacts merge, AuditTrail audit)
    {
        var record = await merge.ExecuteAsync(id, body.OtherContactId, CurrentUser.From(ctx.User).Id, ctx.RequestAborted);
        await audit.MergedAsync(id, body.OtherContactId, ctx.RequestAborted);
        return TypedResults.Ok(record);
    }

    private static Task<bool> MayAccessAsync(OknoDbContext db, CurrentUser user, long contactId) =>
        ConversationAccess.CanSeeContactAsync(db, contactId, user.Id, user.Role, CancellationToken.None);
}
