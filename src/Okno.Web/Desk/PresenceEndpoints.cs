using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Desk;
using Okno.Core.Operators;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Desk;

public sealed record PresenceDto(long UserId, string Status, DateTimeOffset Since, int OpenCount);

public sealed record QueueItemDto(long ConversationId, int Position, DateTimeOffset WaitingSince, long? TeamId);

/// <summary>Presence (PUT for oneself; admins and supervisors for anyone), the presence board, the queue, skills.</summary>
public static class PresenceEndpoints
{
    public static void MapPresence(this RouteGroupBuilder api)
    {
        api.MapPut("/users/{id:long}/presence", SetAsync).WithTags("Presence");
        api.MapGet("/presence", ListAsync).WithTags("Presence");
        api.MapPut("/users/{id:long}/skills", SkillsAsync).WithTags("Presence").RequireAuthorization(AuthSetup.ManagerPolicy);
        api.MapGet("/queue", QueueAsync).WithTags("Queue");
    }

    private static async Task<Results<Ok<PresenceDto>, NotFound, ValidationProblem, ForbidHttpResult>> SetAsync(long id, JsonObject? body, HttpContext ctx,
        OknoDbContext db, PresenceService presence)
    {
        var me = CurrentUser.From(ctx.User);
        if (me.Id != id && me.Role is not (UserRole.Admin or UserRole.Supervisor)) return TypedResults.Forbid();
        if (!await db.Users.AnyAsync(u => u.Id == id)) return TypedResults.NotFound();
        var input = new JsonInput(body);
        var raw = input.String("status", 16, required: true);
        if (!input.Ok || !DeskNames.TryParse<PresenceStatus>(raw, out var status))
        {
            if (input.Ok) input.Error("status", "Одно из: " + DeskNames.List<PresenceStatus>() + ".");
            return TypedResults.ValidationProblem(input.Errors);
        }
        var row = await presence.SetAsync(id, status, held: true, ctx.RequestAborted);
        var open = await db.Conversations.CountAsync(c => c.AssigneeId == id && c.Status != ConversationStatus.Resolved);
        return TypedResults.Ok(new PresenceDto(id, DeskNames.Wire(row.Status), row.Since, open));
    }

    private static async Task<Ok<ItemsOf<PresenceDto>>> ListAsync(OknoDbContext db)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Id).Select(u => new { u.Id, u.CreatedAt }).ToListAsync();
        var rows = await db.Presence.AsNoTracking().ToDictionaryAsync(p => p.UserId);
        var load = (await db.Conversations.Where(c => c.AssigneeId != null && c.Status != ConversationStatus.Resolved)
            .GroupBy(c => c.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()).ToDictionary(x => x.Key, x => x.Count);
        return TypedResults.Ok(new ItemsOf<PresenceDto>(users.Select(u => rows.TryGetValue(u.Id, out var p)
            ? new PresenceDto(u.Id, DeskNames.Wire(p.Status), p.Since, load.GetValueOrDefault(u.Id))
            : new PresenceDto(u.Id, DeskNames.Wire(PresenceStatus.Offline), u.CreatedAt, load.GetValueOrDefault(u.Id))).ToList()));
    }

    /// <summary>The practice areas a user handles (the skills strategy matches them with the client's labels).</summary>
    private static async Task<Results<Ok<JsonObject>, NotFound, ValidationProblem>> SkillsAsync(long id, JsonObject? body, OknoDbContext db, TimeProvider clock)
    {
        if (!await db.Users.AnyAsync(u => u.Id == id)) return TypedResults.NotFound();
        var input = new JsonInput(body);
        var areas = input.Strings("practiceAreas", 50);
        if (areas is null && input.Ok) input.Error("practiceAreas", "Обязательное поле: массив строк.");
        if (!input.Ok) return TypedResults.ValidationProblem(input.Errors);
        var row = await db.Presence.FirstOrDefaultAsync(p => p.UserId == id);
        if (row is null) db.Presence.Add(row = new UserPresence(id, clock.GetUtcNow()));
        row.PracticeAreas = areas!;
        await db.SaveChangesAsync();
        return TypedResults.Ok(new JsonObject { ["userId"] = id, ["practiceAreas"] = new JsonArray(row.PracticeAreas.Select(a => (JsonNode)a).ToArray()) });
    }

    private static async Task<Results<Ok<ItemsOf<QueueItemDto>>, ValidationProblem>> QueueAsync(HttpContext ctx, OknoDbContext db)
    {
        long? teamId = null;
        if (ctx.Request.Query["teamId"].ToString() is { Length: > 0 } raw)
        {
            if (!long.TryParse(raw, out var t)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["teamId"] = ["Ожидается идентификатор отдела (число)."] });
            teamId = t;
        }
        var me = CurrentUser.From(ctx.User);
        var visible = (await db.Conversations.AsNoTracking().Where(c => c.AssigneeId == null).VisibleTo(db, me.Id, me.Role).Select(c => c.Id).ToListAsync()).ToHashSet();
        var items = (await DeskQueue.ListAsync(db, ctx.RequestAborted))
            .Where(e => (teamId is null || e.TeamId == teamId) && visible.Contains(e.ConversationId))
            .Select(e => new QueueItemDto(e.ConversationId, e.Position, e.WaitingSince, e.TeamId)).ToList();
        return TypedResults.Ok(new ItemsOf<QueueItemDto>(items));
    }
}
