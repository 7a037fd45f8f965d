using System.Text.Json.Nodes;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Messages;

namespace Okno.Web.Rules.Actions;

/// <summary><c>{ "type": "add_note", "text" }</c>: an internal note (variables filled), seen by staff only.</summary>
public sealed class NoteAction(OknoDbContext db, ILiveEvents bus, TimeProvider clock) : IRuleAction
{
    public string Type => "add_note";
    public string Title => "Внутренняя заметка";

    public Task<string?> ValidateAsync(JsonObject p, OknoDbContext _, CancellationToken ct) =>
        Task.FromResult(RuleParams.String(p, "text") is { } t ? t.Length > 10_000 ? "text: не длиннее 10 000 символов." : null : "text: укажите текст заметки.");

    public async Task<RuleActionOutcome> ExecuteAsync(RuleActionContext context, JsonObject p, CancellationToken ct)
    {
        var text = RuleText.Fill(RuleParams.String(p, "text")!, context.Facts, clock);
        var note = Message.Note(context.ConversationId, context.ContactId, $"{context.Who}: {text}", null, clock.GetUtcNow());
        db.Messages.Add(note);
        await db.SaveChangesAsync(ct);
        bus.Publish(new MessageCreated(context.ConversationId, note.Id, context.ContactId, MessageDirection.Outbound) { AssigneeId = context.Facts.Conversation.AssigneeId });
        return RuleActionOutcome.Done("заметка добавлена");
    }
}
