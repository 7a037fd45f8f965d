namespace Okno.Core.Messages;

/// <summary>A platform event already taken (update id, event id): its redelivery is a no-op.</summary>
public sealed class ProcessedEvent
{
    public Guid ChannelAccountId { get; set; }
    public string Key { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }
}
