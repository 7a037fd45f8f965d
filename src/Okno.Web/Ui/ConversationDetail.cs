using Okno.Core.Channels;
using Okno.Core.Conversations;
using Okno.Core.Messages;

namespace Okno.Web.Ui;

/// <summary>An open conversation as the viewer may see it: the contact's whole history, masked.</summary>
public sealed record ConversationDetail(Conversation Conversation, ContactCardData Contact, IReadOnlyList<HistoryItem> History,
    IReadOnlyList<PastConversation> Conversations, string? AssigneeName, string? HandedOffByName);

public sealed record ContactCardData(long Id, string? Name, IReadOnlyList<(Okno.Core.Contacts.IdentityKind Kind, string Value)> Identities, DateTimeOffset CreatedAt,
    IReadOnlyList<(long Id, string Text)> Labels, IReadOnlyList<ContactNoteView> Notes, IReadOnlyList<PossibleMatchView>? PossibleMatches = null);

/// <summary>Another contact with the same phone or address, one of them unverified: shown with a merge action.</summary>
public sealed record PossibleMatchView(long ContactId, string? Name, Okno.Core.Contacts.IdentityKind Kind, string Value, bool OtherClaims);

public sealed record ContactNoteView(long Id, string Text, string? Author, DateTimeOffset At);

public sealed record PastConversation(long Id, ConversationStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, string? Preview);

public sealed record HistoryItem(long Id, long ConversationId, MessageDirection Direction, MessageKind Kind, string? Text,
    ChannelKind? ChannelKind, string? ChannelName, MessageStatus Status, string? Error, string? AuthorName, DateTimeOffset At,
    IReadOnlyList<Attachment> Attachments);
