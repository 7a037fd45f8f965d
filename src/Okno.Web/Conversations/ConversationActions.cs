using Microsoft.EntityFrameworkCore;
using Okno.Core;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Messages;
using Okno.Core.Operators;
using Okno.Web.Auth;

namespace Okno.Web.Conversations;

/// <summary>
/// What staff do to a request (take, assign, hand off, return, resolve, snooze, notes, retry): one implementation
/// shared by the REST API and the web app. Each call saves, then tells everyone through the event bus.
/// </summary>
public sealed partial class ConversationActions(OknoDbContext db, ILiveEvents bus, TimeProvider clock, OutboxSignal signal, BusinessTime business, Audit.AuditTrail audit,
    Okno.Core.Csat.CsatSurvey survey)
{
    /// <summary>The conversation, if this user may see it (lawyers: only what is assigned or was handed off by them).</summary>
    public async Task<Conversation?> VisibleAsync(long id, CurrentUser user, bool track = false)
    {
        var query = track ? db.Conversations : db.Conversations.AsNoTracking();
        return await query.Where(x => x.Id == id).VisibleTo(db, user.Id, user.Role).FirstOrDefaultAsync();
    }

    /// <summary>
    /// Loads the request, applies <paramref name="act"/>, writes the system line <paramref name="line"/> returns (if any)
    /// in the same transaction, then tells everyone. <paramref name="notice"/> gets the client's name.
    /// </summary>
    public async Task<Conversation?> ApplyAsync(long id, CurrentUser me, Action<Conversation, DateTimeOffset> act, ConversationChange change,
        long? notify = null, Func<string, string>? notice = null, Func<Conversation, DateTimeOffset, string?>? line = null)
    {
        if (me.Role.IsReadOnly()) throw new DomainException(Auth.ReadOnlyGuard.Refusal);
        var c = await VisibleAsync(id, me, track: true);
        if (c is null) return null;
        var now = clock.GetUtcNow();
        act(c, now);
        if (line?.Invoke(c, now) is { } text) db.Messages.Add(ConversationLog.Line(c, text, me.Id, now, change));
        await db.SaveChangesAsync();
        bus.Publish(new ConversationUpdated(c.Id, change) { AssigneeId = c.AssigneeId });
        var target = notify ?? (change == ConversationChange.Returned ? c.AssigneeId : null);
        if (target is { } userId && userId != me.Id && notice is not null) bus.Publish(new UserNotified(userId, notice(await ClientAsync(c)), c.Id));
        return c;
    }

    /// <summary>The client's name for notices (phones and e-mails masked: the notice's reader may not see them).</summary>
    public async Task<string> ClientAsync(Conversation c)
    {
        var name = await db.Contacts.Where(x => x.Id == c.ContactId).Select(x => x.Name).FirstOrDefaultAsync();
        return Masking.ForEveryone(name ?? $"Клиент №{c.ContactId}")!;
    }

    /// <summary>A request behind an ethical wall goes only to someone named on it.</summary>
    private async Task EnsureAllowedAsync(long id, long? userId)
    {
        if (userId is { } u && !await Okno.Core.Walls.EthicalWalls.AllowsAsync(db, id, u, CancellationToken.None))
            throw new DomainException("Клиент закрыт этической стеной: этому сотруднику он недоступен.");
    }

    private async Task<string> NameAsync(long? userId) =>
        userId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.Name).FirstOrDefaultAsync() ?? $"сотрудник №{id}" : "";

    /// <summary>Resolves the request, then sends the satisfaction survey where the channel asks for it.</summary>
    public async Task<Conversation?> ResolveAsync(long id, CurrentUser me)
    {
        var wasOpen = await db.Conversations.AnyAsync(x => x.Id == id && x.Status != ConversationStatus.Resolved);
        var c = await ApplyAsync(id, me, (c, now) => c.Resolve(now), ConversationChange.Resolved, line: (c, _) => ConversationLog.Resolved(me.Name));
        if (c is not null && wasOpen) await survey.AskAsync(c.Id, CancellationToken.None);
        return c;
    }

    public async Task<Conversation?> ReopenAsync(long id, CurrentUser me)
    {
        var c = await VisibleAsync(id, me);
        if (c is not null && c.Status == ConversationStatus.Resolved &&
            await db.Conversations.AnyAsync(x => x.ContactId == c.ContactId && x.Status != ConversationStatus.Resolved))
            throw new DomainException("У клиента уже есть открытое обращение.");
        return await ApplyAsync(id, me, (x, _) => x.Reopen(), ConversationChange.Reopened, line: (_, _) => ConversationLog.Reopened(me.Name));
    }

    public Task<Conversation?> SnoozeAsync(long id, CurrentUser me, DateTimeOffset until) =>
        ApplyAsync(id, me, (c, now) => c.Snooze(until.ToUniversalTime(), now), ConversationChange.Snoozed,
            line: (_, now) => ConversationLog.Snoozed(me.Name, business.Format(until, now)));

    public Task<Conversation?> TargetAsync(long id, CurrentUser me, bool isTarget, string? reason) =>
        ApplyAsync(id, me, (c, now) => c.MarkTarget(isTarget, reason, me.Id, now), ConversationChange.Target, line: (c, _) => ConversationLog.Target(me.Name, isTarget, c.NotTargetReason));

    public Task<Conversation?> ReadAsync(long id, CurrentUser me) => ApplyAsync(id, me, (c, _) => c.MarkRead(), ConversationChange.Read);

    /// <summary>An internal note; every colleague @mentioned in it is notified.</summary>
    public async Task<Message?> AddNoteAsync(long id, CurrentUser me, string? text)
    {
        var c = await VisibleAsync(id, me);
        if (c is null) return null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 10_000) throw new DomainException("Заметка пуста или длиннее 10 000 символов.");
        var note = Message.Note(c.Id, c.ContactId, text.Trim(), me.Id, clock.GetUtcNow());
        db.Messages.Add(note);
        await db.SaveChangesAsync();
        bus.Publish(new MessageCreated(c.Id, note.Id, c.ContactId, Okno.Core.Messages.MessageDirection.Outbound) { AssigneeId = c.AssigneeId });
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Id != me.Id).Select(u => new { u.Id, u.Name, u.Email }).ToListAsync();
        var walled = await Okno.Core.Walls.EthicalWalls.MembersAsync(db, c.Id, c.ContactId, CancellationToken.None);
        foreach (var u in users.Where(u => Mentions.Contains(note.Text!, u.Name, u.Email) && (walled is null || walled.Contains(u.Id))))
            bus.Publish(new UserNotified(u.Id, $"{me.Name} {RussianNames.Verb(me.Name, "упомянул")} вас в заметке: {await ClientAsync(c)}.", c.Id));
        return note;
    }

    public async Task<Message?> RetryAsync(long id, long messageId, CurrentUser me)
    {
        if (await VisibleAsync(id, me) is null) return null;
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == messageId && m.ConversationId == id);
        if (message is null) return null;
        message.Requeue();
        db.Outbox.Add(new OutboxItem(OutboxKind.Send, message, clock.GetUtcNow()));
        await db.SaveChangesAsync();
        signal.Notify();
        bus.Publish(new MessageStatusChanged(id, message.Id, message.Status, null));
        return message;
    }
}
