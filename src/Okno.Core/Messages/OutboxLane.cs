namespace Okno.Core.Messages;

/// <summary>
/// Which outbox rows a worker takes: sends, or media downloads. Separate workers, so a slow or huge download
/// never holds up an operator's reply.
/// </summary>
public enum OutboxLane
{
    Sends,
    Media,
}
