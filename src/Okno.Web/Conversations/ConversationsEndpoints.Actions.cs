using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Messages;
using Okno.Web.Auth;

namespace Okno.Web.Conversations;

public static partial class ConversationsEndpoints
{
    public sealed record AssignBody(long? UserId);
    public sealed record HandOffBody(long ToUserId, string? Comment, DateTimeOffset? ReturnBy);
    public sealed record SnoozeBody(DateTimeOffset Until);
    public sealed record TargetBody(bool IsTarget, string? Reason);
    public sealed record NoteBody(string? Text);
    public sealed record ActionDeps(OknoDbContext Db, EventBus Bus, TimeProvider Clock, OutboxSignal Signal);

    private static void MapActions(RouteGroupBuilder group)
    {
        group.MapPost("/{id:long}/take", (long id, HttpContext ctx, [AsParameters] ActionDeps d) =>
            ActAsync(id, ctx, d, (c, me, _) => c.Assign(me.Id), "assigned"));
        group.MapPost("/{id:long}/assign", (long id, AssignBody body, HttpContext ctx, [AsParameters] ActionDeps d) =>
            ActAsync(id, ctx, d, (c, _, _) => c.Assign(body.UserId), "assigned", notify: body.UserId));
        group.MapPost("/{id:long}/handoff", (long id, HandOffBody body, HttpContext ctx, [AsParameters] ActionDeps d) =>
            ActAsync(id, ctx, d, (c, me, now) => c.HandOff(me.Id, body.ToUserId, body.Comment, body.ReturnBy?.ToUniversalTime(), now), "handedOff",
                notify: body.ToUserId, notice: "Вам передано обращение" + (body.Comment is { Length: > 0 } ? ": " + body.Comment : ".")));
        group.MapPost("/{id:long}/return", (long id, HttpContext ctx, [AsParameters] ActionDeps d) =>
            ActAsync(id, ctx, d, (c, _, _) => c.ReturnToSender(), "returned", notice: "Обращение возвращено вам."));
        group.MapPost("/{id:long}/resolve", (long id, HttpContext ctx, [AsParameters] ActionDeps d) =>
            ActAsync(id, ctx, d, (c, _, now) => c.Resolve(now), "resolved"));
        group.MapPost("/{id:long}/reopen", async (long id, HttpContext ctx, [AsParameters] ActionDeps d) =>
        {
            var c = await VisibleAsync(id, ctx, d.Db);
            if (c is not null && c.Status == ConversationStatus.Resolved &&
                await d.Db.Conversations.AnyAsync(x => x.ContactId == c.ContactId && x.Status != ConversationStatus.Resolved))
                throw new DomainException("У клиента уже есть открытое обращение.");
            return await ActAsync(id, ctx, d, (x, _, _) => x.Reopen(), "reopened");
        });
        group.MapPost("/{id:long}/snooze", (long id, SnoozeBody body, HttpContext ctx, [AsParameters] ActionDeps d) =>
            ActAsync(id, ctx, d, (c, _, now) => c.Snooze(body.Until.ToUniversalTime(), now), "snoozed"));
        group.MapPost("/{id:long}/target", (long id, TargetBody body, HttpContext ctx, [AsParameters] ActionDeps d) =>
            ActAsync(id, ctx, d, (c, _, _) => c.MarkTarget(body.IsTarget, body.Reason), "target"));
        group.MapPost("/{id:long}/read", (long id, HttpContext ctx, [AsParameters] ActionDeps d) =>
            ActAsync(id, ctx, d, (c, _, _) => c.MarkRead(), "read"));
        group.MapPost("/{id:long}/notes", AddNoteAsync);
        group.MapPost("/{id:long}/messages/{messageId:long}/retry", RetryAsync);
    }

    private static async Task<Results<Ok<ConversationDto>, NotFound>> ActAsync(long id, HttpContext ctx, ActionDeps d,
        Action<Conversation, CurrentUser, DateTimeOffset> act, string change, long? notify = null, string? notice = null)
    {
        var c = await VisibleAsync(id, ctx, d.Db, track: true);
        if (c is null) return TypedResults.NotFound();
        var me = CurrentUser.From(ctx.User);
        act(c, me, d.Clock.GetUtcNow());
        await d.Db.SaveChangesAsync();
        d.Bus.Publish(new ConversationUpdated(c.Id, change) { AssigneeId = c.AssigneeId });
        var target = notify ?? (change == "returned" ? c.AssigneeId : null);
        if (target is { } userId && userId != me.Id && notice is not null) d.Bus.Publish(new UserNotified(userId, notice, c.Id));
        var name = await d.Db.Contacts.Where(x => x.Id == c.ContactId).Select(x => x.Name).FirstOrDefaultAsync();
        return TypedResults.Ok(ConversationDto.From(c, name));
    }

    private static async Task<Results<Created<Messages.MessageDto>, NotFound>> AddNoteAsync(long id, NoteBody body, HttpContext ctx, [AsParameters] ActionDeps d)
    {
        var c = await VisibleAsync(id, ctx, d.Db);
        if (c is null) return TypedResults.NotFound();
        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > 10_000) throw new DomainException("Заметка пуста или длиннее 10 000 символов.");
        var note = Message.Note(c.Id, c.ContactId, body.Text.Trim(), CurrentUser.From(ctx.User).Id, d.Clock.GetUtcNow());
        d.Db.Messages.Add(note);
        await d.Db.SaveChangesAsync();
        d.Bus.Publish(new MessageCreated(c.Id, note.Id, c.ContactId, "outbound") { AssigneeId = c.AssigneeId });
        return TypedResults.Created($"/api/v1/conversations/{id}/messages", Messages.MessageDto.From(note));
    }

    private static async Task<Results<Accepted, NotFound>> RetryAsync(long id, long messageId, HttpContext ctx, [AsParameters] ActionDeps d)
    {
        if (await VisibleAsync(id, ctx, d.Db) is null) return TypedResults.NotFound();
        var message = await d.Db.Messages.FirstOrDefaultAsync(m => m.Id == messageId && m.ConversationId == id);
        if (message is null) return TypedResults.NotFound();
        message.Requeue();
        d.Db.Outbox.Add(new OutboxItem(OutboxKind.Send, message, d.Clock.GetUtcNow()));
        await d.Db.SaveChangesAsync();
        d.Signal.Notify();
        d.Bus.Publish(new MessageStatusChanged(id, message.Id, message.Status, null));
        return TypedResults.Accepted($"/api/v1/conversations/{id}/messages");
    }
}
