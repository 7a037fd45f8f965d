using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Files;

namespace Okno.Core.Messages;

/// <summary>
/// One normalized event into the database: de-duplicate → contact → conversation → message → outbox.
/// Runs inside the ingest writer's transaction; returns the events to publish after commit.
/// </summary>
public sealed class InboundProcessor(OknoDbContext db, ContactResolver contacts, TimeProvider clock)
{
    private readonly HashSet<long> _opened = [];

    public async Task<IReadOnlyList<OknoEvent>> ProcessAsync(ChannelAccountRef account, InboundEvent e, CancellationToken ct)
    {
        if (e.DedupeKey is { } key)
        {
            if (await db.ProcessedEvents.AnyAsync(p => p.ChannelAccountId == account.Id && p.Key == key, ct)) return [];
            db.ProcessedEvents.Add(new ProcessedEvent { ChannelAccountId = account.Id, Key = key, ProcessedAt = clock.GetUtcNow() });
        }

        return e.Kind switch
        {
            InboundEventKind.Message or InboundEventKind.Echo => await AddMessageAsync(account, e, ct),
            InboundEventKind.Edit => await EditAsync(account, e, ct),
            InboundEventKind.Receipt => await ApplyReceiptAsync(account, e, ct),
            InboundEventKind.ChannelState => await ApplyChannelStateAsync(account, e, ct),
            InboundEventKind.EndpointState => await ApplyEndpointStateAsync(account, e, ct),
            _ => [],
        };
    }

    private async Task<IReadOnlyList<OknoEvent>> AddMessageAsync(ChannelAccountRef account, InboundEvent e, CancellationToken ct)
    {
        if (e.Sender is null) return [];
        if (e.ExternalId is { } ext && await db.Messages.AnyAsync(m => m.ChannelAccountId == account.Id && m.ExternalId == ext, ct)) return [];

        var now = clock.GetUtcNow();
        var at = e.Timestamp == default ? now : e.Timestamp.ToUniversalTime();
        var contact = await contacts.ResolveAsync(e.Sender, account.IsDemo, ct);
        if (contact is null) return [];
        var endpoint = await contacts.EndpointAsync(contact.Id, account.Id, e.Sender.ReplyAddress, ct, e.Sender.Verified);
        if (e.Kind == InboundEventKind.Message) endpoint.RecordInbound(at);
        if (e.Consent is { } consent) await RecordConsentAsync(contact.Id, account.Id, consent, now, ct);

        if (e.Kind == InboundEventKind.Message && !e.Quiet && await CsatReplyAsync(contact.Id, account, e, at, now, ct) is { } scored) return scored;
        var conversation = await OpenConversationAsync(contact.Id, account, e, now, ct);
        if (conversation is null) return []; // a quiet event (auto-reply) with no request to attach to
        var opened = _opened.Remove(conversation.Id);

        var message = e.Kind == InboundEventKind.Echo
            ? Message.Echo(conversation.Id, contact.Id, account.Id, e.ExternalId, e.MessageKind, e.Text, at, now)
            : Message.Inbound(conversation.Id, contact.Id, account.Id, e.ExternalId, e.MessageKind, e.Text, at, now);
        foreach (var a in e.Attachments)
            message.Attachments.Add(new Attachment { FileName = SafeFileName.From(a.FileName, "file"), ContentType = a.ContentType, Size = a.Size, SourceRef = a.SourceRef });
        db.Messages.Add(message);

        var preview = Preview(e);
        // An echo is the firm's own message (typed on its phone or in the platform's app): staff, outbound.
        if (e.Kind == InboundEventKind.Echo) conversation.RecordOutbound(preview, now, byStaff: true);
        else if (!e.Quiet) conversation.RecordInbound(preview, at, now);
        await db.SaveChangesAsync(ct);

        foreach (var a in message.Attachments.Where(a => a.SourceRef is not null))
            db.Outbox.Add(new OutboxItem(OutboxKind.DownloadMedia, message.Id, now, a.Id));

        List<OknoEvent> events = [];
        if (contacts.TakeCreated(contact.Id)) events.Add(new ContactCreated(contact.Id));
        if (opened) events.Add(new ConversationOpened(conversation.Id, contact.Id) { AssigneeId = conversation.AssigneeId });
        events.Add(new MessageCreated(conversation.Id, message.Id, contact.Id, message.Direction) { AssigneeId = conversation.AssigneeId, Quiet = e.Quiet });
        events.Add(new ConversationUpdated(conversation.Id, ConversationChange.Message) { AssigneeId = conversation.AssigneeId });
        return events;
    }

    /// <summary>
    /// The register gets one row per consent given (the same form's consent rides on every later message of the
    /// visitor): the same contact, channel, time and wording is not recorded twice, also within one ingest batch.
    /// </summary>
    private async Task RecordConsentAsync(long contactId, Guid channelId, InboundConsent consent, DateTimeOffset now, CancellationToken ct)
    {
        var given = consent.GivenAt.ToUniversalTime();
        given = given.AddTicks(-(given.Ticks % 10)); // PostgreSQL keeps microseconds: compare what it reads back
        var hash = Privacy.Consent.HashOf(consent.Text.Length > Privacy.Consent.MaxTextLength ? consent.Text[..Privacy.Consent.MaxTextLength] : consent.Text);
        bool Same(Privacy.Consent c) => c.ContactId == contactId && c.ChannelAccountId == channelId && c.GivenAt == given && c.TextSha256 == hash;
        if (db.Consents.Local.Any(Same)) return;
        if (await db.Consents.AnyAsync(c => c.ContactId == contactId && c.ChannelAccountId == channelId && c.GivenAt == given && c.TextSha256 == hash, ct)) return;
        db.Consents.Add(new Privacy.Consent(contactId, channelId, consent.Source, consent.Text, given, now));
    }

    /// <summary>
    /// The client's answer to the satisfaction survey of their resolved request (a digit, stars): stored as the score
    /// with the message in that request, which stays resolved — it is not a new request. Anything else: null.
    /// </summary>
    private async Task<IReadOnlyList<OknoEvent>?> CsatReplyAsync(long contactId, ChannelAccountRef account, InboundEvent e, DateTimeOffset at, DateTimeOffset now, CancellationToken ct)
    {
        if (Csat.CsatAnswer.Parse(e.Text) is not { } score || e.Attachments.Count > 0) return null;
        if (await db.Conversations.AnyAsync(c => c.ContactId == contactId && c.Status != ConversationStatus.Resolved, ct)) return null;
        var latest = await db.Conversations.Where(c => c.ContactId == contactId).OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (latest is null || !latest.AwaitsCsat(now)) return null;
        latest.RecordCsat(score, now);
        var message = Message.Inbound(latest.Id, contactId, account.Id, e.ExternalId, e.MessageKind, e.Text, at, now);
        db.Messages.Add(message);
        await db.SaveChangesAsync(ct);
        return [new MessageCreated(latest.Id, message.Id, contactId, message.Direction) { AssigneeId = latest.AssigneeId },
            new ConversationUpdated(latest.Id, ConversationChange.Message) { AssigneeId = latest.AssigneeId }];
    }

    private async Task<Conversation?> OpenConversationAsync(long contactId, ChannelAccountRef account, InboundEvent e, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.Conversations.FirstOrDefaultAsync(c => c.ContactId == contactId && c.Status != ConversationStatus.Resolved, ct);
        if (open is not null) return open;
        if (e.Quiet)
        {
            // Auto-replies never open a request; they join the latest one.
            return await db.Conversations.Where(c => c.ContactId == contactId).OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        }
        // The firm's own first message to a new chat opens the conversation as outbound, waiting for the client.
        var conversation = e.Kind == InboundEventKind.Echo
            ? Conversation.OpenedByStaff(contactId, account.Id, now, account.IsDemo)
            : new Conversation(contactId, account.Id, e.SourceDetails, now, account.IsDemo);
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(ct);
        _opened.Add(conversation.Id);
        return conversation;
    }

    private async Task<IReadOnlyList<OknoEvent>> EditAsync(ChannelAccountRef account, InboundEvent e, CancellationToken ct)
    {
        var message = await db.Messages.FirstOrDefaultAsync(m => m.ChannelAccountId == account.Id && m.ExternalId == e.ExternalId, ct);
        if (message is null) return await AddMessageAsync(account, e with { Kind = InboundEventKind.Message }, ct);
        message.Edit(e.Text, e.Timestamp);
        await db.SaveChangesAsync(ct);
        return [new ConversationUpdated(message.ConversationId, ConversationChange.Edited)];
    }

    private async Task<IReadOnlyList<OknoEvent>> ApplyReceiptAsync(ChannelAccountRef account, InboundEvent e, CancellationToken ct)
    {
        if (e.ExternalId is null || e.ReceiptStatus is not { } status) return [];
        var message = await db.Messages.FirstOrDefaultAsync(m => m.ChannelAccountId == account.Id && m.ExternalId == e.ExternalId, ct);
        if (message is null) return [];
        var changed = status == MessageStatus.Failed
            ? message.MarkFailed(e.ReceiptError ?? "Платформа не доставила сообщение.")
            : message.Advance(status);
        if (!changed) return [];
        await db.SaveChangesAsync(ct);
        return [new MessageStatusChanged(message.ConversationId, message.Id, message.Status, message.Error)];
    }

    private async Task<IReadOnlyList<OknoEvent>> ApplyChannelStateAsync(ChannelAccountRef account, InboundEvent e, CancellationToken ct)
    {
        if (e.ChannelStatus is not { } status) return [];
        var channel = await db.ChannelAccounts.FirstAsync(c => c.Id == account.Id, ct);
        if (e.AskedAt is { } asked && channel.StatusChangedAt is { } changed && changed > asked) return [];
        if (!channel.SetStatus(status, e.StatusReason, clock.GetUtcNow())) return [];
        await db.SaveChangesAsync(ct);
        return [new ChannelStatusChanged(channel.Id, status, e.StatusReason)];
    }

    private async Task<IReadOnlyList<OknoEvent>> ApplyEndpointStateAsync(ChannelAccountRef account, InboundEvent e, CancellationToken ct)
    {
        if (e.Sender is null || e.EndpointBlocked is not { } blocked) return [];
        var endpoint = await db.Endpoints.FirstOrDefaultAsync(x => x.ChannelAccountId == account.Id && x.Address == e.Sender.ReplyAddress, ct);
        if (endpoint is null) return [];
        endpoint.SetBlocked(blocked);
        await db.SaveChangesAsync(ct);
        return [];
    }

    private static string Preview(InboundEvent e)
    {
        var text = e.Text ?? (e.Attachments.Count > 0 ? "📎 " + e.Attachments[0].FileName : "");
        return text.Length > 120 ? text[..120] : text;
    }
}

/// <summary>What the pipeline needs to know of a channel account, cached by the writer.</summary>
public sealed record ChannelAccountRef(Guid Id, ChannelKind Kind, bool IsDemo);
