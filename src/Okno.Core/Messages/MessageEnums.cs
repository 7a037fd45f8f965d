namespace Okno.Core.Messages;

public enum MessageDirection
{
    Inbound,
    Outbound,
}

public enum MessageKind
{
    Text,
    Media,
    Note,
    Event,
}

/// <summary>Outbound statuses only move forward: Pending → Sent → Delivered → Read. Failed is terminal (until a retry).</summary>
public enum MessageStatus
{
    Received = 0,
    Pending = 1,
    Sent = 2,
    Delivered = 3,
    Read = 4,
    Failed = 9,
}
