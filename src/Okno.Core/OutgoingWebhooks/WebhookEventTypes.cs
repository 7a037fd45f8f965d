namespace Okno.Core.OutgoingWebhooks;

/// <summary>The event types an endpoint can choose.</summary>
public static class WebhookEventTypes
{
    public const string MessageCreated = "message.created";
    public const string MessageStatusChanged = "message.status_changed";
    public const string ConversationCreated = "conversation.created";
    public const string ConversationAssigned = "conversation.assigned";
    public const string ConversationHandedOff = "conversation.handed_off";
    public const string ConversationResolved = "conversation.resolved";
    public const string ConversationTargetSet = "conversation.target_set";
    public const string ContactCreated = "contact.created";
    public const string ContactMerged = "contact.merged";
    public const string SlaBreached = "sla.breached";

    public static readonly IReadOnlyList<string> All =
    [
        MessageCreated, MessageStatusChanged, ConversationCreated, ConversationAssigned, ConversationHandedOff,
        ConversationResolved, ConversationTargetSet, ContactCreated, ContactMerged, SlaBreached,
    ];
}
