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
    /// <summary>Optional body of take: <c>{ "force": true }</c> takes a request a colleague holds (they are told).</summary>
    public sealed record TakeBody(bool Force);

    private static void MapActions(RouteGroupBuilder group)
    {
        group.MapPost("/{id:long}/take", TakeAsync);
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

    /// <summary>The body is optional (a bare POST takes a free request), so it is read by hand rather than bound.</summary>
    private static async Task<Results<Ok<ConversationDto>, NotFound, ProblemHttpResult>> TakeAsync(long id, HttpContext ctx, ConversationActions a, OknoDbContext db)
    {
        TakeBody? body = null;
        if (ctx.Request.ContentLength is > 0 || ctx.Request.Headers.TransferEncoding.Count > 0)
        {
            try { body = await ctx.Request.ReadFromJsonAsync<TakeBody>(ctx.RequestAborted); }
            catch (System.Text.Json.JsonException) { return TypedResults.Problem(statusCode: 400, title: "Неверный запрос", detail: "Тело запроса: { \"force\": true } или пусто."); }
            catch (InvalidOperationException) { return TypedResults.Problem(statusCode: 415, title: "Неверный запрос", detail: "Тело запроса — JSON (Content-Type: application/json)."); }
        }
        try
        {
            var result = await Respond(a.TakeAsync(id, Me(ctx), body?.Force == true), db, ctx);
            return result.Result is Ok<ConversationDto> ok ? ok : TypedResults.NotFound();
        }
        catch (ConversationHeldException held)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Обращение уже взято",
                detail: held.Message, extensions: new Dictionary<string, object?> { ["holderId"] = held.HolderId, ["holderName"] = held.HolderName });
        }
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
        return TypedResults.Ok(await ConversationLabels.WithLabelsAsync(db, ConversationDto.From(c, name, Me(ctx))));
    }
}
