using Okno.Core.Operators;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Audit;
using Okno.Web.Audit;
using Okno.Web.Auth;
using Okno.Web.Messages;

namespace Okno.Web.Conversations;

public static partial class ConversationsEndpoints
{
    public const int PageSize = 50;

    public static void MapConversations(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/conversations").WithTags("Conversations").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapGet("/{id:long}/messages", MessagesAsync);
        group.MapPost("/{id:long}/messages", ReplyAsync);
        group.MapGet("/{id:long}/routes", RoutesAsync);
        MapActions(group);
    }

    public sealed record ListQuery(string? Status, long? AssigneeId, Guid? ChannelId, long? ContactId, string? Cursor, bool? Unassigned, int? Limit);

    private static async Task<Results<Ok<ConversationPage>, ValidationProblem>> ListAsync([AsParameters] ListQuery q, HttpContext ctx, OknoDbContext db)
    {
        var user = CurrentUser.From(ctx.User);
        var query = db.Conversations.AsNoTracking().VisibleTo(db, user.Id, user.Role);
        if (q.Status is { Length: > 0 })
        {
            if (!Enum.TryParse<ConversationStatus>(q.Status, true, out var status))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["open, pending, snoozed или resolved."] });
            query = query.Where(c => c.Status == status);
        }
        if (q.AssigneeId is { } assignee) query = query.Where(c => c.AssigneeId == assignee);
        if (q.Unassigned == true) query = query.Where(c => c.AssigneeId == null);
        if (q.ChannelId is { } channel) query = query.Where(c => c.SourceChannelAccountId == channel);
        if (q.ContactId is { } contact) query = query.Where(c => c.ContactId == contact);
        if (q.Cursor is { Length: > 0 })
        {
            if (!TryReadCursor(q.Cursor, out var at, out var lastId))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = ["Неверный курсор."] });
            query = query.Where(c => c.LastMessageAt < at || (c.LastMessageAt == at && c.Id < lastId));
        }
        var limit = Math.Clamp(q.Limit ?? PageSize, 1, 200);
        var rows = await query.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id).Take(limit + 1)
            .Select(c => new { Conversation = c, ContactName = db.Contacts.Where(x => x.Id == c.ContactId).Select(x => x.Name).FirstOrDefault() })
            .ToListAsync();
        var positions = await Okno.Core.Desk.DeskQueue.PositionsAsync(db, rows.Where(r => r.Conversation.AssigneeId == null).Select(r => r.Conversation.Id).ToList(), ctx.RequestAborted);
        var items = await ConversationLabels.WithLabelsAsync(db, rows.Take(limit).Select(r => ConversationDto.From(r.Conversation, r.ContactName, user, positions.TryGetValue(r.Conversation.Id, out var p) ? p : null)).ToList(), ctx.RequestAborted);
        var next = rows.Count > limit ? Cursor(items[^1].LastMessageAt, items[^1].Id) : null;
        return TypedResults.Ok(new ConversationPage(items, next));
    }

    private static async Task<Results<Ok<ConversationDto>, NotFound>> GetAsync(long id, HttpContext ctx, OknoDbContext db, AuditTrail audit)
    {
        var c = await VisibleAsync(id, ctx, db);
        if (c is null) return TypedResults.NotFound();
        await audit.ReadAsync(AuditObjects.Conversation, id, ctx.RequestAborted);
        var name = await db.Contacts.Where(x => x.Id == c.ContactId).Select(x => x.Name).FirstOrDefaultAsync();
        var positions = await Okno.Core.Desk.DeskQueue.PositionsAsync(db, c.AssigneeId is null ? [c.Id] : [], ctx.RequestAborted);
        return TypedResults.Ok(await ConversationLabels.WithLabelsAsync(db, ConversationDto.From(c, name, CurrentUser.From(ctx.User), positions.TryGetValue(c.Id, out var p) ? p : null), ctx.RequestAborted));
    }

    private static async Task<Results<Ok<ItemsOf<MessageDto>>, NotFound>> MessagesAsync(long id, HttpContext ctx, OknoDbContext db, AuditTrail audit)
    {
        if (await VisibleAsync(id, ctx, db) is null) return TypedResults.NotFound();
        await audit.ReadAsync(AuditObjects.Conversation, id, ctx.RequestAborted);
        var messages = await db.Messages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.ConversationId == id).OrderBy(m => m.Id).ToListAsync();
        var user = CurrentUser.From(ctx.User);
        return TypedResults.Ok(new ItemsOf<MessageDto>(messages.Select(m => MessageDto.From(m, user)).ToList()));
    }

    private static async Task<Results<Accepted<ReplyAccepted>, NotFound>> ReplyAsync(long id, ReplyBody body, HttpContext ctx, OknoDbContext db, SendReply send,
        Okno.Core.Files.IFileStore store)
    {
        if (await VisibleAsync(id, ctx, db) is null) return TypedResults.NotFound();
        var files = await ReplyFiles.StoreAsync(body.Files, store, ctx.RequestAborted);
        var message = await send.ExecuteAsync(new ReplyRequest(id, body.Text, body.ChannelId, CurrentUser.From(ctx.User).Id, body.Template, files), ctx.RequestAborted);
        return TypedResults.Accepted($"/api/v1/conversations/{id}/messages", new ReplyAccepted(message.Id, "pending", message.ChannelAccountId));
    }

    private static async Task<Results<Ok<ItemsOf<RouteDto>>, NotFound>> RoutesAsync(long id, HttpContext ctx, OknoDbContext db, ReplyRoutes routes)
    {
        var c = await VisibleAsync(id, ctx, db);
        if (c is null) return TypedResults.NotFound();
        var list = await routes.ForConversationAsync(c, ctx.RequestAborted);
        return TypedResults.Ok(new ItemsOf<RouteDto>(list.Select(RouteDto.From).ToList()));
    }

    /// <summary>The conversation, if this user may see it (lawyers: only what is assigned to them).</summary>
    internal static async Task<Conversation?> VisibleAsync(long id, HttpContext ctx, OknoDbContext db, bool track = false)
    {
        var user = CurrentUser.From(ctx.User);
        var query = track ? db.Conversations : db.Conversations.AsNoTracking();
        return await query.Where(x => x.Id == id).VisibleTo(db, user.Id, user.Role).FirstOrDefaultAsync();
    }

    private static string Cursor(DateTimeOffset at, long id) => $"{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}_{id.ToString(CultureInfo.InvariantCulture)}";

    private static bool TryReadCursor(string cursor, out DateTimeOffset at, out long id)
    {
        at = default;
        id = 0;
        var parts = cursor.Split('_');
        if (parts.Length != 2 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out id)) return false;
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) return false;
        at = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}

public sealed record ItemsOf<T>(IReadOnlyList<T> Items);
