namespace Okno.Core.Conversations;

public enum ConversationStatus
{
    Open,
    Pending,
    Snoozed,
    Resolved,
}
