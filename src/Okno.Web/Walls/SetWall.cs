using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Okno.Core;
using Okno.Core.Audit;
using Okno.Core.Data;
using Okno.Core.Walls;
using Okno.Web.Audit;
using Okno.Web.Realtime;

namespace Okno.Web.Walls;

/// <summary>
/// Puts up, changes or lifts the ethical wall of a contact or a conversation (administrators; the API and the contact
/// card share it). Every change is audited with the named users' ids.
/// </summary>
public sealed class SetWall(OknoDbContext db, TimeProvider clock, AuditTrail audit, AuditActor actor, LiveWalls live)
{
    public sealed record WallDto(string ObjectType, long ObjectId, IReadOnlyList<long> UserIds, long? SetById, DateTimeOffset SetAt);

    /// <returns>The wall, or null when the contact or conversation does not exist.</returns>
    public async Task<WallDto?> PutAsync(string objectType, long id, IReadOnlyList<long>? userIds, CancellationToken ct)
    {
        if (userIds is null) throw new DomainException("Укажите userIds — сотрудников, которым клиент будет доступен.");
        var ids = userIds.Distinct().ToList();
        if (!await ExistsAsync(objectType, id, ct)) return null;
        var known = await db.Users.Where(u => ids.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        if (ids.Except(known).FirstOrDefault() is var unknown and > 0)
            throw new DomainException($"Сотрудник №{unknown.ToString(CultureInfo.InvariantCulture)} не найден или отключён.");
        var wall = await Query(objectType, id).Include(w => w.Members).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        if (wall is null)
        {
            wall = objectType == AuditObjects.Contact ? new EthicalWall(id, null, actor.UserId, now) : new EthicalWall(null, id, actor.UserId, now);
            db.EthicalWalls.Add(wall);
        }
        wall.Name(ids, actor.UserId, now);
        await db.SaveChangesAsync(ct);
        live.Changed();
        await audit.RecordAsync(AuditActions.WallSet, objectType, AuditChain.Id(id), "users=" + string.Join(',', ids.Order().Select(AuditChain.Id)), ct);
        return Dto(wall, objectType, id);
    }

    public async Task<bool> LiftAsync(string objectType, long id, CancellationToken ct)
    {
        var wall = await Query(objectType, id).FirstOrDefaultAsync(ct);
        if (wall is null) return false;
        db.EthicalWalls.Remove(wall);
        await db.SaveChangesAsync(ct);
        live.Changed();
        await audit.RecordAsync(AuditActions.WallLifted, objectType, AuditChain.Id(id), null, ct);
        return true;
    }

    public async Task<WallDto?> GetAsync(string objectType, long id, CancellationToken ct) =>
        await Query(objectType, id).AsNoTracking().Include(w => w.Members).FirstOrDefaultAsync(ct) is { } w ? Dto(w, objectType, id) : null;

    /// <summary>Every wall, for the administrator's overview (ids only: no client data).</summary>
    public async Task<IReadOnlyList<WallDto>> ListAsync(CancellationToken ct) =>
        (await db.EthicalWalls.AsNoTracking().Include(w => w.Members).OrderBy(w => w.Id).ToListAsync(ct))
            .Select(w => w.ContactId is { } c ? Dto(w, AuditObjects.Contact, c) : Dto(w, AuditObjects.Conversation, w.ConversationId!.Value)).ToList();

    private IQueryable<EthicalWall> Query(string objectType, long id) =>
        objectType == AuditObjects.Contact ? db.EthicalWalls.Where(w => w.ContactId == id) : db.EthicalWalls.Where(w => w.ConversationId == id);

    private Task<bool> ExistsAsync(string objectType, long id, CancellationToken ct) => objectType == AuditObjects.Contact
        ? db.Contacts.AnyAsync(c => c.Id == id && c.MergedIntoId == null, ct)
        : db.Conversations.AnyAsync(c => c.Id == id, ct);

    private static WallDto Dto(EthicalWall w, string objectType, long id) =>
        new(objectType, id, w.Members.Select(m => m.UserId).Order().ToList(), w.SetById, w.SetAt);
}
