using Okno.Core.Messages;

namespace Okno.Web.Messages;

/// <summary>TooLarge: over the channel's media limit, not stored: the file is to be opened on the platform.</summary>
public sealed record AttachmentDto(long Id, string FileName, string ContentType, long? Size, string? Url, bool TooLarge = false);

public sealed record MessageDto(long Id, long ConversationId, string Direction, string Kind, string? Text, Guid? ChannelId, string? ExternalId,
    string Status, string? Error, long? AuthorId, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, IReadOnlyList<AttachmentDto> Attachments)
{
    /// <summary>The message as this user may see it: phones in the text are masked unless the role sees phones.</summary>
    public static MessageDto From(Message m, Auth.CurrentUser user) => new(m.Id, m.ConversationId, m.Direction.ToString().ToLowerInvariant(), m.Kind.ToString().ToLowerInvariant(),
        Conversations.Masking.Text(m.Text, user), m.ChannelAccountId, Conversations.Masking.PlatformId(m.ExternalId, user), m.Status.ToString().ToLowerInvariant(),
        Conversations.Masking.Text(m.Error, user), m.AuthorId, m.CreatedAt, m.SentAt,
        m.Attachments.Select(a => new AttachmentDto(a.Id, Conversations.Masking.Text(a.FileName, user)!, a.ContentType, a.Size,
            a.StorageKey is null ? null : $"/api/v1/attachments/{a.Id}", a.TooLarge)).ToList());
}
