using Okno.Core.Channels;
using Okno.Core.Conversations;

namespace Okno.Web.Conversations;

public sealed record ConversationDto(long Id, long ContactId, string? ContactName, string Status, long? AssigneeId, Guid SourceChannelId,
    string? SourceDetails, DateTimeOffset CreatedAt, DateTimeOffset? FirstResponseAt, DateTimeOffset? ResolvedAt,
    DateTimeOffset LastMessageAt, string? LastMessagePreview, int UnreadCount, long? HandedOffById, DateTimeOffset? ReturnBy,
    string? HandOffComment, DateTimeOffset? SnoozedUntil, bool? IsTarget, string? NotTargetReason,
    long? TeamId, string? AssignedBy, int? QueuePosition, Desk.SlaDto? Sla, int? CsatScore = null, bool NotTargetOverturned = false)
{
    /// <summary>The row as this user may see it: phones in the name and the preview are masked unless the role sees phones.</summary>
    public static ConversationDto From(Conversation c, string? contactName, Auth.CurrentUser user, int? queuePosition = null) => new(c.Id, c.ContactId,
        Masking.Text(contactName, user), c.Status.ToString().ToLowerInvariant(), c.AssigneeId, c.SourceChannelAccountId, Masking.Text(c.SourceDetails, user), c.CreatedAt,
        c.FirstResponseAt, c.ResolvedAt, c.LastMessageAt, Masking.Text(c.LastMessagePreview, user), c.UnreadCount, c.HandedOffById, c.ReturnBy,
        Masking.Text(c.HandOffComment, user), c.SnoozedUntil, c.IsTarget, Masking.Text(c.NotTargetReason, user),
        c.TeamId, c.AssignedBy is { } by ? Okno.Core.Desk.DeskNames.Wire(by) : null, queuePosition, Desk.SlaDto.From(c), c.CsatScore, c.NotTargetOverturned);

    /// <summary>The client's labels (the contact's, which SLA policies and the reports read too), sorted.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];
}

/// <summary>Puts the client's labels on conversation rows: one query for a page.</summary>
public static class ConversationLabels
{
    public static async Task<List<ConversationDto>> WithLabelsAsync(Okno.Core.Data.OknoDbContext db, IReadOnlyList<ConversationDto> rows, CancellationToken ct = default)
    {
        var contacts = rows.Select(r => r.ContactId).Distinct().ToList();
        var labels = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.ContactLabels.Where(l => contacts.Contains(l.ContactId)).Select(l => new { l.ContactId, l.Text }), ct))
            .GroupBy(l => l.ContactId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(l => l.Text).Order(StringComparer.Ordinal).ToList());
        return rows.Select(r => labels.TryGetValue(r.ContactId, out var l) ? r with { Labels = l } : r).ToList();
    }

    public static async Task<ConversationDto> WithLabelsAsync(Okno.Core.Data.OknoDbContext db, ConversationDto row, CancellationToken ct = default) =>
        (await WithLabelsAsync(db, [row], ct))[0];
}

public sealed record ConversationPage(IReadOnlyList<ConversationDto> Items, string? NextCursor);

public sealed record ReplyBody(string? Text, Guid? ChannelId, string? Template, IReadOnlyList<ReplyFileBody>? Files = null);

/// <summary>A file sent with a reply through the API: its bytes in base64 (small files; up to 10 MB in all).</summary>
public sealed record ReplyFileBody(string? FileName, string? ContentType, string? ContentBase64);

public sealed record ReplyAccepted(long Id, string Status, Guid? ChannelId);

public sealed record RouteDto(Guid ChannelId, string ChannelName, string Kind, bool IsDefault, bool Usable, string? Reason, bool TemplateOnly,
    int TextLimit, bool FilesOut, string? NoFilesReason)
{
    public static RouteDto From(ReplyRoute r) => new(r.ChannelId, r.ChannelName, r.Kind.ToWireName(), r.IsDefault, r.Usable, r.Reason, r.TemplateOnly,
        r.TextLimit, r.Capabilities.FilesOut, r.NoFilesReason);
}
