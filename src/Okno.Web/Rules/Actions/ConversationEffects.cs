using Microsoft.EntityFrameworkCore;
using Okno.Core;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Events;

namespace Okno.Web.Rules.Actions;

/// <summary>
/// Changes a rule makes to a conversation, the way the desk makes them (no signed-in user): the change, a system line
/// saying which rule did it, one save, then the live event.
/// </summary>
public sealed class ConversationEffects(OknoDbContext db, ILiveEvents bus, TimeProvider clock)
{
    public async Task<Conversation> ApplyAsync(RuleActionContext context, Action<Conversation, DateTimeOffset> act, ConversationChange change, string line,
        CancellationToken ct)
    {
        var c = await db.Conversations.FirstOrDefaultAsync(x => x.Id == context.ConversationId, ct) ?? throw new DomainException("Обращение удалено.");
        var now = clock.GetUtcNow();
        act(c, now);
        db.Messages.Add(ConversationLog.Line(c, $"{context.Who}: {line}", null, now, change));
        await db.SaveChangesAsync(ct);
        bus.Publish(new ConversationUpdated(c.Id, change) { AssigneeId = c.AssigneeId });
        return c;
    }

    /// <summary>A system line only (labels, failures).</summary>
    public async Task LineAsync(long conversationId, string text, CancellationToken ct)
    {
        var c = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == conversationId, ct);
        if (c is null) return;
        var line = ConversationLog.Line(c, text.Length > 2000 ? text[..2000] : text, null, clock.GetUtcNow());
        db.Messages.Add(line);
        await db.SaveChangesAsync(ct);
        bus.Publish(new MessageCreated(c.Id, line.Id, c.ContactId, Okno.Core.Messages.MessageDirection.Outbound) { AssigneeId = c.AssigneeId });
    }
}
