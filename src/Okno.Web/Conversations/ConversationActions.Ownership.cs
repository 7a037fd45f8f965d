using Okno.Core.Events;
using Okno.Core.Conversations;
using Okno.Web.Auth;

namespace Okno.Web.Conversations;

/// <summary>Who holds a request: take (never silently from a colleague), assign, hand off, return.</summary>
public sealed partial class ConversationActions
{
    /// <summary>
    /// Takes the request. If a colleague holds it, refuses with <see cref="ConversationHeldException"/> unless
    /// <paramref name="force"/>; a forced take is recorded and the previous holder is told.
    /// </summary>
    public async Task<Conversation?> TakeAsync(long id, CurrentUser me, bool force = false)
    {
        var current = await VisibleAsync(id, me);
        if (current is null) return null;
        if (current.AssigneeId == me.Id) return current;
        var holder = current.AssigneeId;
        var holderName = await NameAsync(holder);
        if (holder is { } h && !force) throw new ConversationHeldException(h, holderName);
        return await ApplyAsync(id, me, (c, now) =>
            {
                if (c.AssigneeId != holder) throw new Okno.Core.DomainException("Обращение только что взял кто-то другой: обновите и попробуйте снова.");
                c.Assign(me.Id, now);
            }, ConversationChange.Assigned, notify: holder,
            notice: client => $"{me.Name} {RussianNames.Verb(me.Name, "забрал")} у вас обращение: {client}.",
            line: (_, _) => holder is null ? ConversationLog.Took(me.Name) : ConversationLog.TookFrom(me.Name, holderName));
    }

    public async Task<Conversation?> AssignAsync(long id, CurrentUser me, long? userId)
    {
        await EnsureAllowedAsync(id, userId);
        var name = userId is null ? null : await NameAsync(userId);
        return await ApplyAsync(id, me, (c, now) => c.Assign(userId, now), ConversationChange.Assigned, notify: userId,
            notice: client => $"Вам назначено обращение: {client}.", line: (_, _) => ConversationLog.Assigned(me.Name, name));
    }

    public async Task<Conversation?> HandOffAsync(long id, CurrentUser me, long toUserId, string? comment, DateTimeOffset? returnBy)
    {
        await EnsureAllowedAsync(id, toUserId);
        var to = await NameAsync(toUserId);
        var done = await ApplyAsync(id, me, (c, now) => c.HandOff(me.Id, toUserId, comment, returnBy?.ToUniversalTime(), now), ConversationChange.HandedOff,
            notify: toUserId,
            notice: client => $"{me.Name} {RussianNames.Verb(me.Name, "передал")} вам обращение: {client}" + (comment is { Length: > 0 } ? $" — «{comment.Trim()}»" : "."),
            line: (c, now) => ConversationLog.HandedOff(me.Name, to, c.ReturnBy is { } r ? business.Format(r, now) : null, c.HandOffComment));
        if (done is not null)
            await audit.RecordAsync(Okno.Core.Audit.AuditActions.HandOff, Okno.Core.Audit.AuditObjects.Conversation, Okno.Core.Audit.AuditChain.Id(id),
                "to=" + Okno.Core.Audit.AuditChain.Id(toUserId));
        return done;
    }

    /// <summary>Gives the request back early to whoever handed it off; they are told.</summary>
    public async Task<Conversation?> ReturnAsync(long id, CurrentUser me)
    {
        var current = await VisibleAsync(id, me);
        var back = await NameAsync(current?.HandedOffById);
        return await ApplyAsync(id, me, (c, _) => c.ReturnToSender(), ConversationChange.Returned,
            notice: client => $"{me.Name} {RussianNames.Verb(me.Name, "вернул")} вам обращение: {client}.",
            line: (_, _) => ConversationLog.ReturnedEarly(me.Name, back));
    }
}
