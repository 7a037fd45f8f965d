namespace Okno.Web.Widget;

public sealed record SessionRequest(string? Token, string? UserId, string? UserHash, string? Name, string? Phone, string? Email, bool? Consent);

public sealed record WidgetConfig(string Title, string Greeting, string Color, bool PreChatForm, string ConsentText, string? PolicyUrl, int MaxUploadMb);

public sealed record SessionResponse(string Token, bool Identified, bool NeedsPreChat, bool Online, WidgetConfig Config);

/// <summary>Where the visitor came from: the landing page, the referrer and its UTM tags.</summary>
public sealed record PageSource(string? Url, string? Referrer, string? UtmSource, string? UtmMedium, string? UtmCampaign, string? UtmTerm, string? UtmContent);

public sealed record VisitorMessageRequest(string? Id, string? Text, PageSource? Source);

public sealed record OfflineRequest(string? Id, string? Name, string? Phone, string? Email, string? Text, bool? Consent, PageSource? Source);

public sealed record WidgetMessage(long Id, string? ClientId, string Direction, string? Text, DateTimeOffset At, IReadOnlyList<string> Files);

public sealed record WidgetMessages(IReadOnlyList<WidgetMessage> Items);

public sealed record WidgetAccepted(string Id);
