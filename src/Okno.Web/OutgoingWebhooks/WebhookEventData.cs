using Okno.Web.Contacts;
using Okno.Web.Conversations;
using Okno.Web.Messages;

namespace Okno.Web.OutgoingWebhooks;

// The `data` of each webhook event type, as named types so the OpenAPI document can describe them
// (WebhooksDocument); the JSON is the same the anonymous objects gave before.

/// <summary>`message.created`: the message as the endpoint may read it, and its contact.</summary>
public sealed record MessageEventData(MessageDto Message, long ContactId);

/// <summary>`message.status_changed`: sent, delivered, read or failed (with the platform's error, masked).</summary>
public sealed record MessageStatusEventData(long MessageId, long ConversationId, string Status, string? Error);

/// <summary>`conversation.*`: the conversation after the change.</summary>
public sealed record ConversationEventData(ConversationDto Conversation);

/// <summary>`contact.created`.</summary>
public sealed record ContactEventData(ContactsEndpoints.ContactDto Contact);

/// <summary>`contact.merged`: the surviving contact and the id of the one merged into it.</summary>
public sealed record ContactMergedEventData(ContactsEndpoints.ContactDto Contact, long MergedContactId);

/// <summary>`sla.breached`: which clock ran out (`first_response`, `next_response`, `resolution`) and when.</summary>
public sealed record SlaBreachedEventData(long ConversationId, string Kind, DateTimeOffset At);

/// <summary>The body of every delivery: `{ "type", "timestamp", "data" }`.</summary>
public sealed record WebhookEnvelope<T>(string Type, DateTimeOffset Timestamp, T Data);
