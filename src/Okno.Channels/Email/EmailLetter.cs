using Okno.Core.Channels;

namespace Okno.Channels.Email;

/// <summary>One letter read from the mailbox: the event for the core, and the subject to answer under.</summary>
public sealed record EmailLetter(InboundEvent Event, string? ReplySubject);
