namespace Okno.Core.Channels;

/// <summary>What a channel kind can carry; checked before a reply is accepted and shown in the reply box.</summary>
public sealed record ChannelCapabilities
{
    /// <summary>Longest text of one message; null = no limit of the platform's own (ours still applies).</summary>
    public int? TextLimit { get; init; }

    public bool FilesOut { get; init; }
    public bool FilesIn { get; init; }

    /// <summary>Sends approved templates (WhatsApp Cloud).</summary>
    public bool Templates { get; init; }

    /// <summary>How long after the client's last message free text may be sent; null = always.</summary>
    public TimeSpan? ReplyWindow { get; init; }

    public bool Buttons { get; init; }
    public bool Edits { get; init; }
    public bool ReadReceipts { get; init; }
}
