namespace Okno.Web.Widget;

/// <summary>
/// What the widget keeps in the visitor's localStorage, signed and encrypted with Data Protection:
/// which channel and visitor it is, and what the pre-chat form told us.
/// </summary>
public sealed record VisitorToken(Guid ChannelId, string VisitorId, DateTimeOffset IssuedAt)
{
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    /// <summary>When the visitor ticked the consent to personal data processing (152-ФЗ).</summary>
    public DateTimeOffset? ConsentAt { get; init; }
    /// <summary>The site vouched for this visitor with a correct data-user-hash.</summary>
    public bool Verified { get; init; }

    public bool HasContactDetails => Name is not null && (Phone is not null || Email is not null);
}
