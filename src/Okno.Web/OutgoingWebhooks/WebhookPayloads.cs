using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Desk;
using Okno.Core.Events;
using Okno.Core.Messages;
using Okno.Core.Operators;
using Okno.Web.Auth;
using Okno.Web.Contacts;
using Okno.Web.Conversations;
using Okno.Web.Messages;
using Types = Okno.Core.OutgoingWebhooks.WebhookEventTypes;

namespace Okno.Web.OutgoingWebhooks;

/// <summary>
/// What a live event means for webhook receivers: its event type and its data, built from the same DTOs the API
/// answers with and masked by the same rule (<see cref="Masking"/>): an endpoint allowed phones reads like an
/// administrator, any other like an operator (phones masked in every field).
/// </summary>
public sealed class WebhookPayloads(OknoDbContext db)
{
    /// <summary>Camel case, and Cyrillic written as is (a CRM's log shows «Здравствуйте», not \u0417…).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The reader an endpoint stands for when its payloads are masked or not.</summary>
    public static CurrentUser Viewer(bool includePhones) => new(0, includePhones ? UserRole.Admin : UserRole.Operator, "webhook");

    /// <summary>The webhook event type of a live event, or null when receivers do not hear of it.</summary>
    public static string? TypeOf(OknoEvent e) => e switch
    {
        MessageCreated => Types.MessageCreated,
        MessageStatusChanged => Types.MessageStatusChanged,
        ConversationOpened => Types.ConversationCreated,
        ConversationUpdated { Change: ConversationChange.Assigned } => Types.ConversationAssigned,
        ConversationUpdated { Change: ConversationChange.HandedOff } => Types.ConversationHandedOff,
        ConversationUpdated { Change: ConversationChange.Resolved } => Types.ConversationResolved,
        ConversationUpdated { Change: ConversationChange.Target } => Types.ConversationTargetSet,
        ContactCreated => Types.ContactCreated,
        ContactsMerged => Types.ContactMerged,
        SlaBreached => Types.SlaBreached,
        _ => null,
    };

    /// <summary>The event's data as <paramref name="viewer"/> may read it; null when there is nothing to tell (a note, a row gone).</summary>
    public async Task<object?> DataAsync(OknoEvent e, CurrentUser viewer, CancellationToken ct) => e switch
    {
        MessageCreated m => await MessageAsync(m.MessageId, viewer, ct),
        MessageStatusChanged s => new MessageStatusEventData(s.MessageId, s.ConversationId, s.Status.ToString().ToLowerInvariant(), Masking.Text(s.Error, viewer)),
        ConversationOpened o => await ConversationAsync(o.ConversationId, viewer, ct),
        ConversationUpdated u => await ConversationAsync(u.ConversationId, viewer, ct),
        ContactCreated c => await ContactAsync(c.ContactId, viewer, ct),
        ContactsMerged m => await ContactAsync(m.SurvivorId, viewer, ct) is { } survivor ? new ContactMergedEventData(survivor.Contact, m.MergedId) : null,
        SlaBreached b => new SlaBreachedEventData(b.ConversationId, b.Kind, b.At),
        _ => null,
    };

    private async Task<object?> MessageAsync(long id, CurrentUser viewer, CancellationToken ct)
    {
        var m = await db.Messages.AsNoTracking().Include(x => x.Attachments).FirstOrDefaultAsync(x => x.Id == id, ct);
        // Internal notes and action lines are the firm's own: they are not client messages.
        if (m is null || m.Kind is MessageKind.Note or MessageKind.Event) return null;
        return new MessageEventData(MessageDto.From(m, viewer), m.ContactId);
    }

    private async Task<object?> ConversationAsync(long id, CurrentUser viewer, CancellationToken ct)
    {
        var c = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var name = await db.Contacts.Where(x => x.Id == c.ContactId).Select(x => x.Name).FirstOrDefaultAsync(ct);
        return new ConversationEventData(await ConversationLabels.WithLabelsAsync(db, ConversationDto.From(c, name, viewer), ct));
    }

    private async Task<ContactEventData?> ContactAsync(long id, CurrentUser viewer, CancellationToken ct)
    {
        var c = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var identities = await db.Identities.AsNoTracking().Where(i => i.ContactId == id).OrderBy(i => i.Id).ToListAsync(ct);
        return new ContactEventData(ContactsEndpoints.Dto(c, identities, viewer));
    }
}
