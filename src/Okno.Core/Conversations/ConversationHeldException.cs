namespace Okno.Core.Conversations;

/// <summary>Someone else holds the request: taking it needs an explicit "force" (and they will be told).</summary>
public sealed class ConversationHeldException(long holderId, string holderName)
    : Exception($"Обращение уже у {RussianNames.Decline(holderName, RussianNames.Case.Genitive)}. Забрать?")
{
    public long HolderId { get; } = holderId;
    public string HolderName { get; } = holderName;
}
