namespace Okno.Web.Reasons;

public sealed record ReasonDto(long Id, string Text, bool IsActive);

public sealed record ReasonBody(string? Text, bool? IsActive);
