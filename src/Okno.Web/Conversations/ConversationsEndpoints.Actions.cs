using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Web.Auth;

namespace Okno.Web.Conversations;

public static partial class ConversationsEndpoints
{
    public sealed record AssignBody(long? UserId);
    public sealed record HandOffBody(long ToUserId, string? Comment, DateTimeOffset? ReturnBy);
    public sealed record SnoozeBody(DateTimeOffset Until);
    public sealed record TargetBody(bool IsTarget, string? Reason);
    public sealed record NoteBody(string? Text);

    private static void MapActions(RouteGroupBuilder group)
    {
        group.MapPost("/{id:long}/take", (long id, HttpContext ctx, ConversationActions a, OknoDbContext db) =>
            Respond(a.TakeAsync(id, Me(ctx)), db, ctx));
        group.MapPost("/{id:long}/assign", (long id, AssignBody body, HttpContext ctx, ConversationActions a, OknoDbContext db) =>
            Respond(a.AssignAsync(id, Me(ctx), body.UserId), db, ctx));
        group.MapPost("/{id:long}/handoff", (long id, HandOffBody body, HttpContext ctx, ConversationActions a, OknoDbContext db) =>
            body.Comment?.Trim() is { Length: > Conversation.MaxHandOffCommentLength }
                ? TooLong("comment", $"Комментарий длиннее {Conversation.MaxHandOffCommentLength} символов.")
                : Respond(a.HandOffAsync(id, Me(ctx), body.ToUserId, body.Comment, body.ReturnBy), db, ctx));
        group.MapPost("/{id:long}/return", (long id, HttpContext ctx, ConversationActions a, OknoDbContext db) =>
            Respond(a.ReturnAsync(id, Me(ctx)), db, ctx));
        group.MapPost("/{id:long}/resolve", (long id, HttpContext ctx, ConversationActions a, OknoDbContext db) =>
            Respond(a.ResolveAsync(id, Me(ctx)), db, ctx));
        group.MapPost("/{id:long}/reopen", (long id, HttpContext ctx, ConversationActions a, OknoDbContext db) =>
            Respond(a.ReopenAsync(id, Me(ctx)), db, ctx));
        group.MapPost("/{id:long}/snooze", (long id, SnoozeBody body, HttpContext ctx, ConversationActions a, OknoDbContext db) =>
            Respond(a.SnoozeAsync(id, Me(ctx), body.Until), db, ctx));
        group.MapPost("/{id:long}/target", (long id, TargetBody body, HttpContext ctx, ConversationActions a, OknoDbContext db) =>
            body.Reason?.Trim() is { Length: > Conversation.MaxNotTargetReasonLength }
                ? TooLong("reason", $"Причина длиннее {Conversation.MaxNotTargetReasonLength} символов.")
                : Respond(a.TargetAsync(id, Me(ctx), body.IsTarget, body.Reason), db, ctx));
        group.MapPost("/{id:long}/read", (long id, HttpContext ctx, ConversationActions a, OknoDbContext db) =>
            Respond(a.ReadAsync(id, Me(ctx)), db, ctx));
        group.MapPost("/{id:long}/notes", async Task<Results<Created<Messages.MessageDto>, NotFound>> (long id, NoteBody body, HttpContext ctx, ConversationActions a) =>
            await a.AddNoteAsync(id, Me(ctx), body.Text) is { } note
                ? TypedResults.Created($"/api/v1/conversations/{id}/messages", Messages.MessageDto.From(note, Me(ctx)))
                : TypedResults.NotFound());
        group.MapPost("/{id:long}/messages/{messageId:long}/retry", async Task<Results<Accepted, NotFound>> (long id, long messageId, HttpContext ctx, ConversationActions a) =>
            await a.RetryAsync(id, messageId, Me(ctx)) is null ? TypedResults.NotFound() : TypedResults.Accepted($"/api/v1/conversations/{id}/messages"));
    }

    private static CurrentUser Me(HttpContext ctx) => CurrentUser.From(ctx.User);

    /// <summary>A 400 ProblemDetails naming the field that is too long (checked before anything is loaded).</summary>
    private static Task<Results<Ok<ConversationDto>, NotFound, ValidationProblem>> TooLong(string field, string message) =>
        Task.FromResult<Results<Ok<ConversationDto>, NotFound, ValidationProblem>>(
            TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Слишком длинное значение"));

    private static async Task<Results<Ok<ConversationDto>, NotFound, ValidationProblem>> Respond(Task<Conversation?> action, OknoDbContext db, HttpContext ctx)
    {
        var c = await action;
        if (c is null) return TypedResults.NotFound();
        var name = await db.Contacts.Where(x => x.Id == c.ContactId).Select(x => x.Name).FirstOrDefaultAsync();
        return TypedResults.Ok(ConversationDto.From(c, name, Me(ctx)));
    }
}
