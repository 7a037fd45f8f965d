using Microsoft.EntityFrameworkCore;
using Okno.Core;
using Okno.Core.Audit;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Operators;
using Okno.Core.Reviews;
using Okno.Web.Audit;
using Okno.Web.Auth;

namespace Okno.Web.Reviews;

/// <summary>
/// A reviewer confirms or overturns a "not target" verdict. Overturning makes the request target again (reports count
/// it as target, with <see cref="Conversation.NotTargetOverturned"/> set); the original reason and its author stay in
/// the <see cref="TargetAudit"/> row. Both are audited and written as a line in the conversation's timeline.
/// </summary>
public sealed class AuditVerdict(OknoDbContext db, AuditTrail audit, ILiveEvents bus, TimeProvider clock)
{
    public const string Confirm = "confirm", Overturn = "overturn";

    public async Task<TargetAudit?> ExecuteAsync(long conversationId, CurrentUser me, VerdictAuditBody body, CancellationToken ct)
    {
        if (!me.Role.Reviews()) throw new DomainException("Проверять вердикты могут руководители, администраторы и контроль качества.");
        var overturn = body.Decision?.Trim().ToLowerInvariant() switch
        {
            Confirm => false,
            Overturn => true,
            _ => throw new DomainException("decision: «confirm» (подтвердить) или «overturn» (отменить)."),
        };
        var c = await db.Conversations.Where(x => x.Id == conversationId).VisibleTo(db, me.Id, me.Role).FirstOrDefaultAsync(ct);
        if (c is null) return null;
        if (c.IsTarget != false) throw new DomainException("Обращение не отмечено как не целевое: проверять нечего.");
        var now = clock.GetUtcNow();
        var record = new TargetAudit(c.Id, c.TargetSetById, c.NotTargetReason, overturn, me.Id, body.Comment, now);
        var reason = c.NotTargetReason;
        if (overturn) c.OverturnNotTarget();
        db.TargetAudits.Add(record);
        db.Messages.Add(ConversationLog.Line(c, overturn
            ? $"{me.Name} {RussianNames.Verb(me.Name, "отменил")} вердикт «не целевое» ({reason}): обращение целевое"
            : $"{me.Name} {RussianNames.Verb(me.Name, "подтвердил")} вердикт «не целевое» ({reason})", me.Id, now));
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(overturn ? AuditActions.VerdictOverturned : AuditActions.VerdictConfirmed, AuditObjects.Conversation,
            c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, ct);
        bus.Publish(new ConversationUpdated(c.Id, ConversationChange.Target) { AssigneeId = c.AssigneeId });
        return record;
    }
}
