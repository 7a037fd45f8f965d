namespace Okno.Channels.Email;

/// <summary>A bounce: which of our letters failed (its Message-ID, if found) and why, in Russian.</summary>
public sealed record EmailBounce(string? OriginalMessageId, string Reason);
